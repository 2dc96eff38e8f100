import type { Header } from '../../../shared/types'
import type { Provider } from '../providers/types'
import { headerValue } from '../headers'

/**
 * Recomputes a provider's signature (and timestamp, where the scheme has one) for `body` and puts it in
 * place of the old one: same header name and position, duplicates of it removed, new ones appended.
 * An existing Content-Type is kept as the user edited it.
 */
export function resignHeaders(
  provider: Provider,
  headers: Header[],
  body: Buffer,
  secret: string,
  context: { url: string; method: string; event?: string | null }
): Header[] {
  const signed = provider.sign({
    body,
    secret,
    timestamp: Math.floor(Date.now() / 1000),
    id: headerValue(headers, 'webhook-id') ?? undefined,
    url: context.url,
    method: context.method,
    event: context.event ?? undefined
  })
  let out: Header[] = headers.map(([n, v]) => [n, v])
  for (const [name, value] of signed) {
    const lower = name.toLowerCase()
    const index = out.findIndex(([n]) => n.toLowerCase() === lower)
    if (index === -1) {
      out.push([name, value])
      continue
    }
    if (lower === 'content-type') continue
    out[index] = [out[index][0], value]
    out = out.filter(([n], i) => i === index || n.toLowerCase() !== lower)
  }
  return out
}

/**
 * Where a delivery goes: a target with a path of its own gets exactly that URL (like
 * `stripe listen --forward-to`); a bare origin (`http://localhost:3000`) gets the captured path appended.
 */
export function resolveTargetUrl(target: string, capturedPath: string): string {
  const url = new URL(target)
  if ((url.pathname === '/' || url.pathname === '') && !url.search && !target.trim().endsWith('/')) {
    return url.origin + capturedPath
  }
  return url.toString()
}
