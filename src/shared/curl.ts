import type { Header } from './types'

/** Headers curl computes itself or that would be wrong when resent elsewhere. */
const SKIP = new Set(['host', 'content-length', 'connection', 'transfer-encoding', 'keep-alive', 'expect'])

/** POSIX shell single-quoting: safe for any bytes of hostile text. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`
}

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    // NULs and other control bytes make a shell argument lossy.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text)
  } catch {
    return false
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** A cURL command that resends the request byte for byte (binary bodies travel as base64 through a pipe). */
export function toCurl(request: { method: string; url: string; headers: Header[]; body: Uint8Array }): string {
  const parts = ['curl', '-sS', '-X', shellQuote(request.method), shellQuote(request.url)]
  for (const [name, value] of request.headers) {
    if (SKIP.has(name.toLowerCase())) continue
    parts.push('-H', shellQuote(`${name}: ${value}`))
  }
  if (request.body.length === 0) return parts.join(' ')
  if (isUtf8Text(request.body)) {
    parts.push('--data-binary', shellQuote(new TextDecoder().decode(request.body)))
    return parts.join(' ')
  }
  parts.push('--data-binary', '@-')
  return `printf %s ${shellQuote(toBase64(request.body))} | base64 -d | ${parts.join(' ')}`
}
