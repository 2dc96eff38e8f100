// A delivery's body as data, parsed at most once per delivery by inspection (and by answer templates
// when inspection did not): JSON, or form fields. Free of provider imports, so the receiver can use it.
import type { Header } from '../../shared/types'
import type { IncomingDelivery } from './inspect'

const BODY_PARSE_LIMIT = 2 * 1024 * 1024

export function parseBody(d: IncomingDelivery): unknown {
  const b = d.body
  if (b.length === 0 || b.length > BODY_PARSE_LIMIT || d.contentEncoding) return null
  const first = b[0]
  try {
    if (first === 0x7b || first === 0x5b) return JSON.parse(b.toString('utf8'))
    if (isForm(d.headers)) return Object.fromEntries(new URLSearchParams(b.toString('utf8')))
  } catch {
    return null
  }
  return null
}

function isForm(headers: Header[]): boolean {
  for (const [n, v] of headers) if (n.length === 12 && n.toLowerCase() === 'content-type') return v.includes('x-www-form-urlencoded')
  return false
}
