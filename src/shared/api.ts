// The one contract every transport and the renderer speak: argument schemas, results and pushed events.
// Adding a method = a name in methods.ts, a schema here, a result type here, and an engine handler.
import { z } from 'zod'
import { VERDICT_STATUSES } from './types'
import type {
  CapturedRequest,
  EngineInfo,
  RequestPage,
  RequestSummary,
  Settings,
  TunnelState
} from './types'
import type { ApiEvent, ApiMethod } from './methods'

const headerSchema = z.tuple([z.string().max(8192), z.string().max(65536)])
const id = z.number().int().positive()

export const responseConfigSchema = z.object({
  status: z.number().int().min(100).max(599),
  headers: z.array(headerSchema).max(100),
  body: z.string().max(1024 * 1024),
  delayMs: z.number().int().min(0).max(600_000)
})

export const requestQuerySchema = z
  .object({
    limit: z.number().int().min(1).max(1000).optional(),
    beforeId: id.optional(),
    search: z.string().max(500).optional(),
    method: z.string().max(20).optional(),
    path: z.string().max(2000).optional(),
    responseStatus: z.number().int().min(100).max(599).optional(),
    provider: z.string().max(64).optional(),
    verdict: z.enum(VERDICT_STATUSES).optional(),
    eventType: z.string().max(200).optional()
  })
  .strict()

export const apiInputs = {
  getInfo: z.void(),
  listRequests: requestQuerySchema,
  getRequest: z.object({ id }).strict(),
  deleteRequest: z.object({ id }).strict(),
  clearRequests: z.void(),
  getSettings: z.void(),
  updateSettings: z
    .object({
      response: responseConfigSchema.optional(),
      bodyLimitBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).optional()
    })
    .strict()
} satisfies Record<ApiMethod, z.ZodType>

export interface ApiResults {
  getInfo: EngineInfo
  listRequests: RequestPage
  getRequest: CapturedRequest | null
  deleteRequest: { deleted: boolean }
  clearRequests: { deleted: number }
  getSettings: Settings
  updateSettings: Settings
}

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>

/** What the renderer calls: one async function per capability. */
export type HookscopeMethods = {
  [M in ApiMethod]: (...args: ApiInput<M> extends void ? [] : [input: ApiInput<M>]) => Promise<ApiResults[M]>
}

export interface ApiEventPayloads {
  requestsAdded: RequestSummary[]
  requestsDeleted: { ids: number[] } | { all: true }
  settingsChanged: Settings
  tunnelChanged: TunnelState
}

export type EventListener<E extends ApiEvent> = (payload: ApiEventPayloads[E]) => void

export interface HookscopeApi extends HookscopeMethods {
  /** Subscribe to a pushed event; returns the unsubscribe function. */
  on<E extends ApiEvent>(event: E, listener: EventListener<E>): () => void
}

/** Transport envelope: errors travel as data, never as thrown transport errors. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string } }
