// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) export and import of captures.
// Captures never hold secrets, so nothing secret can reach a HAR file. Imported files are hostile input:
// every field is checked before it reaches the store.
import { createHash } from 'node:crypto'
import type { CapturedRequest, Header, VerdictStatus } from '../../../shared/types'
import { VERDICT_STATUSES } from '../../../shared/types'
import { headerValue } from '../headers'
import type { NewRequest } from '../store/rows'
import { VERSION } from '../version'
import { HookscopeError } from '../../../shared/errors'

interface HarNameValue {
  name: string
  value: string
}

export interface HarEntry {
  startedDateTime: string
  time: number
  request: {
    method: string
    url: string
    httpVersion: string
    cookies: HarNameValue[]
    headers: HarNameValue[]
    queryString: HarNameValue[]
    postData?: { mimeType: string; text: string; params?: HarNameValue[]; _encoding?: 'base64' }
    headersSize: number
    bodySize: number
  }
  response: {
    status: number
    statusText: string
    httpVersion: string
    cookies: HarNameValue[]
    headers: HarNameValue[]
    content: { size: number; mimeType: string; text?: string; encoding?: 'base64' }
    redirectURL: string
    headersSize: number
    bodySize: number
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  _hookscope?: Record<string, unknown>
}

export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[] }
}

const nv = (headers: Header[]): HarNameValue[] => headers.map(([name, value]) => ({ name, value }))

/** Text when the bytes are UTF-8 (kept readable in other tools), base64 otherwise. */
function bodyText(bytes: Buffer): { text: string; base64: boolean } {
  const text = bytes.toString('utf8')
  return Buffer.from(text, 'utf8').equals(bytes) ? { text, base64: false } : { text: bytes.toString('base64'), base64: true }
}

export function toHar(requests: CapturedRequest[], baseUrl: string): Har {
  return {
    log: {
      version: '1.2',
      creator: { name: 'Hookscope', version: VERSION },
      entries: requests.map((r) => toEntry(r, baseUrl))
    }
  }
}

export function toEntry(r: CapturedRequest, baseUrl: string): HarEntry {
  const body = Buffer.from(r.bodyBase64, 'base64')
  const url = new URL(baseUrl + r.path)
  const encoded = bodyText(body)
  const res = r.response
  const resBody = res ? Buffer.from(res.bodyBase64, 'base64') : Buffer.alloc(0)
  const resType = res ? (headerValue(res.headers, 'content-type') ?? '') : ''
  return {
    startedDateTime: new Date(r.receivedAt).toISOString(),
    time: r.durationMs ?? 0,
    request: {
      method: r.method,
      url: url.toString(),
      httpVersion: `HTTP/${r.httpVersion}`,
      cookies: [],
      headers: nv(r.headers),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      ...(body.length > 0 || r.contentType
        ? { postData: { mimeType: r.contentType ?? '', text: encoded.text, ...(encoded.base64 ? { _encoding: 'base64' as const } : {}) } }
        : {}),
      headersSize: -1,
      bodySize: body.length
    },
    response: {
      status: res?.status ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: nv(res?.headers ?? []),
      content: { size: resBody.length, mimeType: resType, text: resBody.toString('base64'), encoding: 'base64' },
      redirectURL: '',
      headersSize: -1,
      bodySize: res ? resBody.length : -1
    },
    cache: {},
    timings: { send: 0, wait: r.durationMs ?? 0, receive: 0 },
    _hookscope: {
      id: r.id,
      endpoint: r.endpoint,
      provider: r.provider,
      eventType: r.eventType,
      eventId: r.eventId,
      verdict: r.verdict,
      remoteAddress: r.remoteAddress,
      viaTunnel: r.viaTunnel,
      bodySha256: r.bodySha256,
      bodyTruncated: r.bodyTruncated
    }
  }
}

/** Structural check against HAR 1.2: the fields the spec requires, with their types. Returns problems in words. */
export function validateHar(har: unknown): string[] {
  const problems: string[] = []
  const need = (cond: boolean, what: string): void => {
    if (!cond) problems.push(what)
  }
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
  const str = (v: unknown): boolean => typeof v === 'string'
  const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v)
  const pairs = (v: unknown, where: string): void => {
    need(Array.isArray(v), `${where} must be an array`)
    if (Array.isArray(v)) v.forEach((p, i) => need(obj(p) && str(p.name) && str(p.value), `${where}[${i}] needs string name and value`))
  }
  if (!obj(har) || !obj(har.log)) return ['not a HAR file: no "log" object']
  const log = har.log
  need(str(log.version), 'log.version must be a string')
  need(obj(log.creator) && str(log.creator.name) && str(log.creator.version), 'log.creator needs name and version')
  if (!Array.isArray(log.entries)) return [...problems, 'log.entries must be an array']
  log.entries.forEach((e: unknown, i: number) => {
    const at = `log.entries[${i}]`
    if (!obj(e)) return need(false, `${at} must be an object`)
    need(str(e.startedDateTime) && !Number.isNaN(Date.parse(e.startedDateTime as string)), `${at}.startedDateTime must be an ISO 8601 date`)
    need(num(e.time), `${at}.time must be a number`)
    need(obj(e.cache), `${at}.cache must be an object`)
    need(obj(e.timings) && num(e.timings.send) && num(e.timings.wait) && num(e.timings.receive), `${at}.timings needs send, wait, receive`)
    const q = e.request
    if (!obj(q)) return need(false, `${at}.request must be an object`)
    need(str(q.method) && str(q.url) && str(q.httpVersion), `${at}.request needs method, url, httpVersion`)
    need(num(q.headersSize) && num(q.bodySize), `${at}.request needs headersSize and bodySize`)
    pairs(q.cookies, `${at}.request.cookies`)
    pairs(q.headers, `${at}.request.headers`)
    pairs(q.queryString, `${at}.request.queryString`)
    if (q.postData !== undefined) need(obj(q.postData) && str(q.postData.mimeType), `${at}.request.postData needs mimeType`)
    const s = e.response
    if (!obj(s)) return need(false, `${at}.response must be an object`)
    need(num(s.status) && str(s.statusText) && str(s.httpVersion) && str(s.redirectURL), `${at}.response needs status, statusText, httpVersion, redirectURL`)
    need(num(s.headersSize) && num(s.bodySize), `${at}.response needs headersSize and bodySize`)
    pairs(s.cookies, `${at}.response.cookies`)
    pairs(s.headers, `${at}.response.headers`)
    need(obj(s.content) && num(s.content.size) && str(s.content.mimeType), `${at}.response.content needs size and mimeType`)
  })
  return problems
}

/** One HAR entry made ready for the store, with what tells a second import of it apart. */
export interface ImportedEntry {
  row: NewRequest
  /** sha256 over method, URL, headers, body and start time: the same entry imported again has the same key. */
  key: string
  /** The capture id a Hookscope export recorded (`_hookscope.id`), to recognise a capture still stored here. */
  sourceId: number | null
}

/** Parses a HAR file into rows for the store. Throws with every problem found when it is not valid HAR 1.2. */
export function fromHar(text: string, maxBodyBytes: number): NewRequest[] {
  return harEntries(text, maxBodyBytes).map((e) => e.row)
}

/** Like fromHar, with each entry's duplicate key. */
export function harEntries(text: string, maxBodyBytes: number): ImportedEntry[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new HookscopeError('invalid_input', `This file is not JSON, so not a HAR file (${(error as Error).message}).`, { cause: error })
  }
  const problems = validateHar(parsed)
  if (problems.length) throw new HookscopeError('invalid_input', `Not a valid HAR 1.2 file: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; ...' : ''}`)
  return (parsed as Har).log.entries.map((e, i) => {
    try {
      const row = fromEntry(e, maxBodyBytes)
      const key = createHash('sha256')
        .update(JSON.stringify([row.method, e.request.url, row.headers, row.bodySha256, e.startedDateTime]))
        .digest('hex')
      const id = (e._hookscope as { id?: unknown } | undefined)?.id
      return { row, key, sourceId: typeof id === 'number' && Number.isInteger(id) ? id : null }
    } catch (error) {
      throw new HookscopeError('invalid_input', `HAR entry ${i + 1}: ${(error as Error).message}`, { cause: error })
    }
  })
}

function fromEntry(e: HarEntry, maxBodyBytes: number): NewRequest {
  const url = new URL(e.request.url)
  const headers: Header[] = e.request.headers.map((h) => [h.name, h.value])
  const post = e.request.postData
  const body = post ? Buffer.from(post.text ?? '', post._encoding === 'base64' ? 'base64' : 'utf8') : Buffer.alloc(0)
  if (body.length > maxBodyBytes) throw new HookscopeError('invalid_input', `An entry's body (${body.length} bytes) is over the body limit.`)
  const meta = (e._hookscope ?? {}) as Record<string, unknown>
  const s = (k: string): string | null => (typeof meta[k] === 'string' ? (meta[k] as string) : null)
  const verdict = meta.verdict as { status?: unknown; detail?: unknown } | undefined
  const status = VERDICT_STATUSES.includes(verdict?.status as VerdictStatus) ? (verdict!.status as VerdictStatus) : 'unknown'
  const res = e.response
  const resBody = res.content.text ? Buffer.from(res.content.text, res.content.encoding === 'base64' ? 'base64' : 'utf8') : Buffer.alloc(0)
  const versionMatch = /^HTTP\/(\d(?:\.\d)?)$/i.exec(e.request.httpVersion)
  return {
    receivedAt: Date.parse(e.startedDateTime),
    endpoint: s('endpoint'),
    method: e.request.method.toUpperCase(),
    path: url.pathname + url.search,
    httpVersion: versionMatch?.[1] ?? '1.1',
    headers,
    body,
    bodySize: body.length,
    bodySha256: createHash('sha256').update(body).digest('hex'),
    bodyTruncated: false,
    contentType: headerValue(headers, 'content-type'),
    contentEncoding: headerValue(headers, 'content-encoding'),
    remoteAddress: s('remoteAddress'),
    viaTunnel: meta.viaTunnel === true,
    forwardedFor: null,
    provider: s('provider'),
    eventType: s('eventType'),
    eventId: s('eventId'),
    verdict: { status, detail: typeof verdict?.detail === 'string' ? verdict.detail : 'Imported from a HAR file; not re-verified.' },
    signature: null,
    response: res.status > 0 ? { status: res.status, headers: res.headers.map((h) => [h.name, h.value]), bodyBase64: resBody.toString('base64'), delayMs: 0 } : null,
    durationMs: e.time,
    note: 'Imported from a HAR file.'
  }
}
