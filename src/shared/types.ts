// Domain types shared by the engine, both transports and the renderer. One place, imported everywhere.

/** A header exactly as it arrived: original case, order and duplicates kept. */
export type Header = [name: string, value: string]

export const VERDICT_STATUSES = ['valid', 'invalid', 'missing', 'unsigned', 'stale', 'no-secret', 'unknown'] as const
export type VerdictStatus = (typeof VERDICT_STATUSES)[number]

export interface Verdict {
  status: VerdictStatus
  /** One plain sentence a user understands. */
  detail: string
}

/** What the list shows; never carries a body. */
export interface RequestSummary {
  id: number
  receivedAt: number
  endpoint: string | null
  method: string
  /** Full path with query string, exactly as sent on the request line. */
  path: string
  bodySize: number
  bodySha256: string
  bodyTruncated: boolean
  contentType: string | null
  contentEncoding: string | null
  remoteAddress: string | null
  viaTunnel: boolean
  /** Original client address from forwarding headers, when the delivery came through the tunnel. */
  forwardedFor: string | null
  provider: string | null
  eventType: string | null
  eventId: string | null
  /** The call this delivery belongs to (provider-specific location), or null. */
  callId: string | null
  verdict: Verdict
  responseStatus: number | null
  durationMs: number | null
  note: string | null
  /** Kept by retention whatever its age or the size cap. */
  pinned: boolean
}

export interface CapturedResponse {
  status: number
  headers: Header[]
  bodyBase64: string
  delayMs: number
}

export interface CapturedRequest extends RequestSummary {
  httpVersion: string
  headers: Header[]
  /** Exact bytes as received (still compressed when Content-Encoding says so). */
  bodyBase64: string
  /**
   * Set by the Api when the body is too big to travel inline (bodyBase64 is then empty): the UI reads
   * it in pieces with readBody, so one huge message never blocks the window.
   */
  bodyOmitted?: boolean
  response: CapturedResponse | null
  /** Provider-specific signature details (issue: signatures); free-form but JSON. */
  signature: SignatureReport | null
}

export interface SignatureReport {
  provider: string
  headersUsed: string[]
  /** The string that was signed, with the secret never included. */
  signedPayloadPreview: string | null
  /** What the header should have held: computed over `signedPayloadPreview` with the secret `expectedSecret`. */
  expected: string | null
  received: string | null
  matchedSecret: string | null
  /** The secret `expected` was computed with: the one the verdict sentence names (label, maybe with where it is stored). */
  expectedSecret?: string | null
  /** When the verdict names no one secret (several tried, none fits): each secret's expected value. */
  expectedBySecret?: { secret: string; value: string }[] | null
  diagnostics: string[]
}

/** The answer the receiver gives to every delivery (endpoints may override it). */
export interface ResponseConfig {
  status: number
  headers: Header[]
  body: string
  delayMs: number
  /**
   * Body and header values are templates reading the request ({{body.data.call_id}}, {{header.x}},
   * {{query.x}}, {{event.type}}; shared/template.ts), escaped for the answer's Content-Type.
   */
  template?: boolean
  /** Answers picked by the delivery's event type (first match wins); this answer when none matches. */
  rules?: AnswerRule[]
}

/** `eventType` is exact (`call.created`) or a prefix ending in `*` (`call.*`). */
export interface AnswerRule {
  eventType: string
  answer: Omit<ResponseConfig, 'rules'>
}

/** Caps on what the database keeps; the oldest unpinned captures go first. 0 turns a cap off. */
export interface RetentionSettings {
  maxSizeMb: number
  maxAgeDays: number
}

/** Requests per second per client before 429; 0 turns a limit off. */
export interface RateLimitSettings {
  /** Per original client (the tunnel's forwarded address) for deliveries through the tunnel. */
  tunnelPerSecond: number
  /** Per socket address for everything else. */
  localPerSecond: number
}

export interface Settings {
  response: ResponseConfig
  bodyLimitBytes: number
  /** Desktop app only, opt-in: a system notification when a delivery fails verification (invalid or stale) while the window is in the background. */
  notifyFailedVerification: boolean
  retention: RetentionSettings
  rateLimit: RateLimitSettings
  /** Below this much free disk space the receiver answers 503 instead of storing. 0 turns it off. */
  minFreeDiskMb: number
}

/** Deliveries answered without being stored, since the engine started. */
export interface RefusedCounts {
  /** 429: over the per-client rate limit. */
  rateLimited: number
  /** 503: the disk holding the database is nearly full. */
  diskLow: number
}

/** How much the database holds against its caps (Settings shows it). */
export interface StorageStatus {
  /** Bytes of live data: pages in use (excluding free pages). */
  usedBytes: number
  /** The database file and its write-ahead log as they sit on disk. */
  fileBytes: number
  walBytes: number
  /** Whether freed space is given back to the file system (auto_vacuum=INCREMENTAL). */
  shrinks: boolean
  retention: RetentionSettings
  pinnedCount: number
  /** Captures pruned by retention since the engine started. */
  prunedCount: number
  /** Free space on the disk holding the database, or null when it cannot be read. */
  diskFreeBytes: number | null
  minFreeDiskMb: number
  diskLow: boolean
  refused: RefusedCounts
}

export interface RequestQuery {
  limit?: number
  /** Keyset pagination: only ids strictly below this one (newest first). */
  beforeId?: number
  search?: string
  method?: string
  path?: string
  responseStatus?: number
  provider?: string
  verdict?: VerdictStatus
  eventType?: string
  /**
   * With a text search: index every capture not yet searchable first, however many (scripts want every
   * match). Left off, a search indexes a bounded backlog and reports the rest as `unindexed` (a live UI).
   */
  searchAll?: boolean
}

export interface RequestPage {
  items: RequestSummary[]
  /** True when older items exist beyond this page. */
  hasMore: boolean
  /**
   * Where the next page starts (its beforeId) when hasMore. A filtered query looks at a bounded window
   * of ids per call, so a page may hold fewer items than asked for, even none, while older ones remain.
   */
  nextBeforeId?: number
  /**
   * With a text search: how many of the newest captures are not yet in the full-text index, so the
   * search cannot see them yet (only during a flood of deliveries; absent when the index is current).
   */
  unindexed?: number
}

export type TunnelStatus = 'stopped' | 'connecting' | 'online' | 'reconnecting' | 'offline'

/** Why the tunnel is not (or not exactly) what was asked for; `message` says it in words. */
export type TunnelReason =
  | 'server-unreachable'
  | 'server-refused'
  | 'timeout'
  | 'dropped'
  | 'local-port-closed'
  | 'subdomain-taken'

export interface TunnelState {
  status: TunnelStatus
  url: string | null
  requestedSubdomain: string | null
  host: string
  attempt: number
  nextRetryAt: number | null
  /** Plain-words reason for offline/reconnecting. */
  message: string | null
  reason: TunnelReason | null
  /** The receiver port the tunnel delivers to. */
  localPort: number
  /** Set when the server gave a different URL than before (subdomain taken): the user must update the provider. */
  urlChanged: { previous: string; current: string } | null
}

export interface EngineInfo {
  version: string
  receiverUrl: string
  receiverPort: number
  dbPath: string
  requestCount: number
  /** Set when the database could not be read at start and was moved aside (nothing deleted). */
  databaseNotice?: string | null
  /** Deliveries refused (429 / 503) and not stored, since the engine started. */
  refused?: RefusedCounts
}
