// Shared-token schemes: a static token in a header (Telegram, GitLab, AssemblyAI) or HTTP Basic
// credentials (Bandwidth, Postmark). Nothing is signed: the token proves who sent the request, not
// that the body is what was sent.
import { headerValue } from '../headers'
import type { HmacProviderSpec } from './hmac-scheme'
import { safeEqual } from './hmac'
import type { BasicScheme, TokenScheme } from './preset-types'
import type { Provider } from './types'
import { verdictReporter } from './verdict-report'

export interface TokenProviderSpec extends Omit<HmacProviderSpec, 'summary'> {
  tokenScheme: TokenScheme | BasicScheme
}

const HEADER_LINE = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\s(.*)$/
const NO_TIMESTAMP = 'A shared token has no timestamp: a replayed delivery carries the same token.'

export function defineTokenProvider(spec: TokenProviderSpec): Provider {
  const s = spec.tokenScheme
  const header = s.family === 'basic' ? 'Authorization' : s.header
  const prefix = s.family === 'basic' ? 'Basic ' : (s.prefix ?? '')
  const encode = (secret: string): string => (s.family === 'basic' ? Buffer.from(secret).toString('base64') : secret)
  const what = s.family === 'basic' ? 'HTTP Basic credentials' : 'token'
  // AssemblyAI: "X-My-Auth: value" names the header; a bare value is looked for in the default header.
  const named = (secret: string): { header: string; token: string } => {
    const m = s.family === 'token' && s.headerNamedBySecret ? HEADER_LINE.exec(secret) : null
    return m ? { header: m[1], token: m[2] } : { header, token: secret }
  }
  return {
    ...spec,
    family: s.family,
    signs: true,
    signatureHeaders: [header],
    detect: (d) => (headerValue(d.headers, header) !== null ? 0.3 : 0),
    secretProblem: (value) => (s.family === 'basic' && !value.includes(':') ? `${spec.name} sends HTTP Basic credentials: give them as user:password.` : null),
    sign: (o) => {
      const n = named(o.secret)
      return [['Content-Type', spec.contentType], [n.header, prefix + encode(n.token)], ...(spec.extraHeaders?.(o) ?? [])]
    },
    forgeSkips: {
      'tampered-body': `${spec.name} sends a ${what} rather than a signature: the body is not covered, so a changed body with the right ${what} is accepted by design.`,
      'stale-timestamp': NO_TIMESTAMP,
      'future-timestamp': NO_TIMESTAMP
    },
    forgeNotes: { 'wrong-secret': `${spec.name} sends a ${what}: a wrong-secret check means a wrong ${what}.` },
    verify(d, secrets) {
      // The headers the configured secrets name (the default one without secrets): the first present is judged.
      const names = secrets.length ? secrets.map((secret) => named(secret.value).header) : [header]
      const used = names.find((n) => headerValue(d.headers, n) !== null) ?? names[0]
      const raw = headerValue(d.headers, used)
      const { report } = verdictReporter(spec.id, raw === null ? [] : [used], raw === null ? null : `${raw.slice(0, prefix.length)}… (${raw.length} characters)`)
      if (raw === null) {
        if (spec.signatureOptional && secrets.length === 0) {
          return { verdict: { status: 'unsigned', detail: `${spec.name} sends a ${what} only when one is set up, and this delivery carries no ${used}.` }, report: null }
        }
        return { verdict: { status: 'missing', detail: `${spec.name} authenticates with a ${what} in ${used}, but the header is absent.` }, report: report({}) }
      }
      if (secrets.length === 0) return { verdict: { status: 'no-secret', detail: `${spec.name} sent a ${what}, but none is configured yet to compare it with.` }, report: report({}) }
      const got = raw.trim()
      const hasPrefix = got.toLowerCase().startsWith(prefix.toLowerCase())
      const value = hasPrefix ? got.slice(prefix.length).trim() : got
      const mine = secrets.filter((secret) => named(secret.value).header.toLowerCase() === used.toLowerCase())
      const matched = mine.find((secret) => safeEqual(value, encode(named(secret.value).token)))
      if (matched) {
        const message = hasPrefix || !prefix ? null : `The ${what} matches but lacks the "${prefix.trim()}" prefix.`
        if (message) return { verdict: { status: 'invalid', detail: message }, report: report({ matchedSecret: matched.label, diagnostics: [message] }) }
        return { verdict: { status: 'valid', detail: `The ${what} in ${used} matches "${matched.label}" (a shared ${what}: the body itself is not signed).` }, report: report({ matchedSecret: matched.label }) }
      }
      const message = differs(s, value, named((mine[0] ?? secrets[0]).value).token, Math.max(mine.length, 1), what, used)
      return { verdict: { status: 'invalid', detail: message }, report: report({ diagnostics: [message] }) }
    }
  }
}

function differs(s: TokenScheme | BasicScheme, value: string, first: string, n: number, what: string, header: string): string {
  const against = n === 1 ? 'the configured one' : `any of the ${n} configured`
  if (s.family === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const [user] = decoded.split(':')
    const [wantUser] = first.split(':')
    if (!decoded.includes(':')) return `The ${header} header does not hold Basic credentials (base64 of user:password).`
    return user === wantUser ? `The user name matches but the password differs from ${against}.` : `The user name "${user.slice(0, 40)}" differs from ${against}.`
  }
  return `The ${what} in ${header} differs from ${against} (${value.length} characters received, ${first.length} expected).`
}
