/** What a user may see of a secret: its format prefix and last 4 characters ("whsec_…9f2a"). Never more. */
export function secretHint(value: string): string {
  const prefix = /^(whsec_|sk_live_|sk_test_|ek_live_|ek_test_)/.exec(value)?.[1] ?? ''
  if (value.length < 12) return `${prefix}…`
  return `${prefix}…${value.slice(-4)}`
}

/** Replaces every occurrence of any secret in a text (error messages, logs) by its hint. */
export function redact(text: string, secrets: string[]): string {
  let out = text
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join(secretHint(s))
  return out
}
