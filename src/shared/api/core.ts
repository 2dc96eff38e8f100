// Capture core: info, requests, settings.
import { z } from 'zod'
import { VERDICT_STATUSES } from '../types'
import { templateProblem } from '../template'
import type { CapturedRequest, EngineInfo, RequestPage, RequestSummary, Settings } from '../types'

/** Bodies up to this size travel inside getRequest / getDecodedBody; bigger ones are read in chunks. */
export const INLINE_BODY_BYTES = 1024 * 1024
/** A multiple of 3, so base64 chunks concatenate into the base64 of the whole body. */
export const BODY_CHUNK_BYTES = 768 * 1024

const headerSchema = z.tuple([z.string().max(8192, 'A header name is at most 8 KiB.'), z.string().max(65536, 'A header value is at most 64 KiB.')])
const id = z.number().int().positive()

const ANSWER_STATUS = 'An answer status is a number from 100 to 599.'

const answerFields = z.object({
  status: z.number().int().min(100, ANSWER_STATUS).max(599, ANSWER_STATUS),
  headers: z.array(headerSchema).max(100),
  body: z.string().max(1024 * 1024),
  delayMs: z.number().int().min(0).max(600_000),
  template: z.boolean().optional()
})

/** A broken template is refused when saved, with the reason, rather than answering 500 later. */
function checkTemplates(answer: z.infer<typeof answerFields>, ctx: z.RefinementCtx): void {
  if (!answer.template) return
  for (const [where, text] of [['body', answer.body], ...answer.headers.map(([n, v]) => [`header ${n}`, v])]) {
    const problem = templateProblem(text)
    if (problem) ctx.addIssue({ code: 'custom', message: `Template in the ${where}: ${problem}` })
  }
}

export const responseConfigSchema = answerFields
  .extend({
    rules: z
      .array(z.object({ eventType: z.string().min(1).max(200), answer: answerFields.superRefine(checkTemplates) }).strict())
      .max(50)
      .optional()
  })
  .superRefine(checkTemplates)

/** The longest search and event-type prefix the engine takes; the filter fields stop there too. */
export const SEARCH_MAX_CHARS = 500
export const EVENT_TYPE_MAX_CHARS = 200

export const requestQuerySchema = z
  .object({
    limit: z.number().int().min(1).max(1000).optional(),
    beforeId: id.optional(),
    search: z.string().max(SEARCH_MAX_CHARS).optional(),
    method: z.string().max(20).optional(),
    path: z.string().max(2000).optional(),
    responseStatus: z.number().int().min(100).max(599).optional(),
    provider: z.string().max(64).optional(),
    verdict: z.enum(VERDICT_STATUSES).optional(),
    eventType: z.string().max(EVENT_TYPE_MAX_CHARS).optional(),
    searchAll: z.boolean().optional()
  })
  .strict()

/** The list's filters without paging: what "the filtered captures" means to export and delete. */
export const requestFiltersSchema = requestQuerySchema.omit({ limit: true, beforeId: true })

export const coreInputs = {
  getInfo: z.void(),
  listRequests: requestQuerySchema,
  getRequest: z.object({ id }).strict(),
  deleteRequest: z.object({ id }).strict(),
  clearRequests: z.void(),
  /** Deletes every capture that matches the filters (all of them, not only the page shown). */
  deleteMatching: z.object({ filters: requestFiltersSchema }).strict(),
  getSettings: z.void(),
  updateSettings: z
    .object({
      response: responseConfigSchema.optional(),
      bodyLimitBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).optional(),
      notifyFailedVerification: z.boolean().optional(),
      retention: z
        .object({ maxSizeMb: z.number().int().min(0).max(16 * 1024 * 1024), maxAgeDays: z.number().int().min(0).max(36_500) })
        .strict()
        .optional(),
      rateLimit: z
        .object({ tunnelPerSecond: z.number().int().min(0).max(1_000_000), localPerSecond: z.number().int().min(0).max(1_000_000) })
        .strict()
        .optional(),
      minFreeDiskMb: z.number().int().min(0).max(1024 * 1024).optional()
    })
    .strict(),
  /**
   * The oldest capture after `afterId` that matches, and the newest id looked at (the next call's
   * `afterId`): a script's "wait for the next delivery" polls this, reading only new rows each time.
   * Without `afterId` it only answers the newest id (so waiting starts from now).
   */
  nextCapture: z
    .object({
      afterId: z.number().int().min(0).optional(),
      provider: z.string().max(64).optional(),
      eventType: z.string().max(200).optional(),
      pathPrefix: z.string().max(2000).optional(),
      verdict: z.enum(VERDICT_STATUSES).optional()
    })
    .strict(),
  getDecodedBody: z.object({ id }).strict(),
  readBody: z
    .object({
      id,
      decoded: z.boolean().optional(),
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(BODY_CHUNK_BYTES)
    })
    .strict()
}

/** A piece of a body: base64 of bytes [offset, offset + length), and the body's total size. */
export interface BodyChunk {
  base64: string
  total: number
}

/** A body undone from its Content-Encoding (capped against zip bombs), or why it could not be. */
export type DecodedBody =
  | { ok: true; encoding: string | null; bodyBase64: string; size: number; bodyOmitted?: boolean }
  | { ok: false; encoding: string | null; error: string }

export interface CoreResults {
  getInfo: EngineInfo
  listRequests: RequestPage
  getRequest: CapturedRequest | null
  deleteRequest: { deleted: boolean }
  clearRequests: { deleted: number }
  deleteMatching: { deleted: number }
  getSettings: Settings
  updateSettings: Settings
  nextCapture: { capture: RequestSummary | null; lastId: number }
  getDecodedBody: DecodedBody | null
  readBody: BodyChunk | null
}

