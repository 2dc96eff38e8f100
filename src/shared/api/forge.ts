// Forge-test: the suite that checks whether a user's webhook handler is safe and correct (DESIGN.md section 6).
import { z } from 'zod'
import type { Header } from '../types'
import type { DeliveryRecord } from './outbound'

/** Every check of the suite, in the order it runs. */
export const FORGE_CHECK_IDS = [
  'valid-delivery',
  'same-event-again',
  'missing-signature',
  'wrong-secret',
  'tampered-body',
  'signature-garbage',
  'signature-wrong-length',
  'reformatted-json',
  'stale-timestamp',
  'future-timestamp',
  'answer-time',
  'methods',
  'content-type-variant',
  'retry-burst',
  'out-of-order',
  'after-gap'
] as const
export type ForgeCheckId = (typeof FORGE_CHECK_IDS)[number]

/**
 * The checks that say whether a forged delivery gets in (or takes the handler down). Failing any of
 * them fails the run whatever else passes: the score is capped below a passing grade.
 */
export const SECURITY_CHECK_IDS: readonly ForgeCheckId[] = ['missing-signature', 'wrong-secret', 'tampered-body', 'signature-garbage', 'signature-wrong-length']
/** The best score a run with a failed security check can get. */
export const SECURITY_FAILURE_MAX_SCORE = 50

/**
 * pass / fail: judged; warn: the answers were right but something could not be observed;
 * error: the target gave no answer, so nothing could be judged; skip: the check does not apply.
 */
export type ForgeOutcome = 'pass' | 'fail' | 'warn' | 'error' | 'skip'

/** One delivery of a check: what was sent and what came back (bodies capped for display). */
export interface ForgeExchange {
  /** Row in the delivery log (open it for the full bytes); null when nothing was sent. */
  deliveryId: number | null
  label: string
  sent: { method: string; url: string; headers: Header[]; body: string; bodySize: number }
  received: {
    status: number | null
    headers: Header[]
    body: string
    bodySize: number
    durationMs: number
    /** Plain words when there was no answer. */
    error: string | null
  }
}

export interface ForgeCheckResult {
  id: ForgeCheckId
  title: string
  /** What a correct handler answers, e.g. "4xx". */
  expected: string
  /** What came back, in words, e.g. "500 in 4 ms". */
  observed: string
  outcome: ForgeOutcome
  pass: boolean
  /** One sentence naming the fix (or why the check was skipped / could not be judged); null on a clean pass. */
  advice: string | null
  exchanges: ForgeExchange[]
}

export type ForgeRunStatus = 'running' | 'finished' | 'failed' | 'cancelled'

export interface ForgeReport {
  id: string
  provider: string
  providerName: string
  targetUrl: string
  startedAt: number
  finishedAt: number | null
  status: ForgeRunStatus
  /**
   * 0..100: passes count 1, warnings 0.5, failures and unanswered checks 0; skipped checks do not count.
   * At most SECURITY_FAILURE_MAX_SCORE when a security check failed.
   */
  score: number
  counts: Record<ForgeOutcome, number>
  /** Security checks that failed (absent in runs saved before it existed). */
  securityFailures?: ForgeCheckId[]
  /** The sentence the report leads with when the run fails on security; null otherwise. */
  headline?: string | null
  checks: ForgeCheckResult[]
  /** Plain words when the run itself could not finish. */
  error: string | null
}

export type ForgeRunSummary = Omit<ForgeReport, 'checks'>

/** Pushed while a run goes: when each check starts (`current`), when it ends (`check`), then one with `finished: true`. */
export interface ForgeProgress {
  runId: string
  targetUrl: string
  done: number
  total: number
  check: Pick<ForgeCheckResult, 'id' | 'title' | 'outcome' | 'observed'> | null
  /** The check being run now (1-based `index` of `total`) and the delivery it is waiting on; null between checks. */
  current: { index: number; id: ForgeCheckId; title: string; delivery: string | null } | null
  finished: boolean
  score: number | null
  status?: ForgeRunStatus
}

const runId = z.string().regex(/^[0-9a-f-]{36}$/, 'a forge run id')

export const forgeStartSchema = z
  .object({
    targetUrl: z.string().min(1).max(2000),
    provider: z.string().min(1).max(64),
    secret: z.string().max(4096).optional(),
    /** Wait before the "after a gap" delivery (real providers: minutes; default 2 s). */
    gapMs: z.number().int().min(0).max(600_000).optional(),
    /** Give up on an answer after this long (default: the provider's limit + 5 s). */
    timeoutMs: z.number().int().min(100).max(120_000).optional()
  })
  .strict()
export type ForgeStartInput = z.input<typeof forgeStartSchema>

export const forgeInputs = {
  forgeStart: forgeStartSchema,
  forgeGet: z.object({ runId }).strict(),
  forgeCancel: z.object({ runId }).strict(),
  forgeList: z.object({ targetUrl: z.string().max(2000).optional(), limit: z.number().int().min(1).max(200).optional() }).strict(),
  forgeExport: z.object({ runId, format: z.enum(['json', 'markdown']) }).strict(),
  forgeDelivery: z.object({ id: z.number().int().positive() }).strict()
}

export interface ForgeResults {
  forgeStart: { runId: string }
  forgeGet: ForgeReport | null
  /** False when the run was not running (finished already, or unknown). */
  forgeCancel: { cancelled: boolean }
  forgeList: ForgeRunSummary[]
  forgeExport: { filename: string; mimeType: string; text: string }
  /** A delivery the suite sent (the same record replays use), to open it in full. */
  forgeDelivery: DeliveryRecord | null
}
