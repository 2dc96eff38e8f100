// Calls (deliveries grouped by the call they belong to) and the diff of two captures.
import { z } from 'zod'

export const CALL_FLAGS = ['out-of-order', 'duplicate', 'missing-final', 'late-answer'] as const
export type CallFlag = (typeof CALL_FLAGS)[number]

/** A call with no terminal event this long after its last delivery is flagged missing-final (default). */
export const DEFAULT_MISSING_FINAL_MS = 10 * 60_000

/** One delivery on a call's timeline. */
export interface CallDelivery {
  id: number
  eventType: string | null
  eventId: string | null
  receivedAt: number
  /** The status Hookscope answered (null when it could not store the delivery). */
  responseStatus: number | null
  /** From arrival to the answer: handling plus any configured delay, in ms. */
  answerMs: number | null
  /** This delivery's own flags: out-of-order, duplicate, late-answer. */
  flags: CallFlag[]
  /** The first delivery of the same event, when this one repeats it. */
  repeatOf: number | null
  /** A repeat after a failed or late answer is the provider's retry; after a good answer, a duplicate. */
  repeat: 'retry' | 'duplicate' | null
}

/** A call as `hookscope calls --json` prints it (DESIGN.md section 4), with the timeline's details. */
export interface CallSummary {
  provider: string
  callId: string
  firstAt: number
  lastAt: number
  /** The furthest-along event of the provider's call order seen so far (else the latest event type). */
  state: string | null
  /** True once a terminal event (ended, hung up, failed...) arrived. */
  ended: boolean
  /** How long the provider waits for an answer, in ms (null when unknown). */
  deadlineMs: number | null
  deliveries: CallDelivery[]
  flags: CallFlag[]
  /** Set when the call has more deliveries than one listing returns (the first ones are shown). */
  truncated?: boolean
}

export interface CallPage {
  items: CallSummary[]
  /** Where the next page starts, when older calls remain. */
  nextBeforeId?: number
}

export type DiffChange = 'added' | 'removed' | 'changed'

/** One difference in a body: a JSON path ($.data.status) or a line ("line 3"), with both sides. */
export interface BodyDiffEntry {
  path: string
  change: DiffChange
  a?: unknown
  b?: unknown
}

export interface HeaderDiffEntry {
  name: string
  change: DiffChange
  a?: string
  b?: string
}

/** What changed from capture A to capture B (`hookscope diff A B`). */
export interface RequestDiff {
  a: number
  b: number
  /** How the bodies were compared. */
  bodyMode: 'json' | 'text' | 'binary'
  body: BodyDiffEntry[]
  headers: HeaderDiffEntry[]
  method?: { a: string; b: string }
  path?: { a: string; b: string }
  /** Set when a bound stopped the comparison early (huge bodies, thousands of changes); says which. */
  truncated?: string
}

const id = z.number().int().positive()
const provider = z.string().min(1).max(64)
const missingFinalAfterMs = z.number().int().min(1000).max(30 * 24 * 3_600_000).optional()

export const callsInputs = {
  listCalls: z
    .object({ provider: provider.optional(), limit: z.number().int().min(1).max(500).optional(), beforeId: id.optional(), missingFinalAfterMs })
    .strict(),
  getCall: z.object({ provider, callId: z.string().min(1).max(200), missingFinalAfterMs }).strict(),
  diffRequests: z.object({ a: id, b: id }).strict(),
  /** The latest earlier capture of the same event (type and id) from the same provider, if any. */
  previousDelivery: z.object({ id }).strict()
}

export interface CallsResults {
  listCalls: CallPage
  getCall: CallSummary | null
  diffRequests: RequestDiff
  previousDelivery: { id: number } | null
}
