/** A random key naming one send or replay, so Cancel can stop it (getRandomValues works in every context, randomUUID not). */
export function newCancelKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')
}
