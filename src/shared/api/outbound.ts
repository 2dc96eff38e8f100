// Send, replay and forward: targets, replays and edits, composed sends, forwarding rules, retries, HAR.
import { z } from 'zod'
import type { Header } from '../types'
import { requestFiltersSchema } from './core'

/** One export holds at most this many captures (the CLI's `hookscope export` streams any number). */
export const EXPORT_MAX = 10_000

const headerSchema = z.tuple([z.string().min(1).max(8192), z.string().max(65536)])
const id = z.number().int().positive()
const url = z
  .string()
  .trim()
  .min(1, 'Enter a target URL.')
  .max(4000)
  .refine((u) => /^https?:\/\/[^\s/]+/i.test(u), 'A target URL starts with http:// or https://, e.g. http://localhost:3000/webhooks.')
const providerId = z.string().min(1).max(64)
const secret = z.string().min(1).max(4096)
/** Chosen by the caller before it starts a send or replay, so it can cancel it while it waits. */
const cancelKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a cancel key is 8 to 64 letters, digits, _ or -')

/** Redeliver on a provider's schedule when the target answers non-2xx or times out. */
export const retrySchema = z
  .object({
    provider: providerId,
    /** Delays are divided by this (100 = one minute becomes 0.6 s). */
    timeCompression: z.number().min(1).max(1_000_000).default(1)
  })
  .strict()

export const editSchema = z
  .object({
    method: z.string().trim().min(1, 'A method is letters only, e.g. POST.').max(20).regex(/^[A-Za-z]+$/, 'A method is letters only, e.g. POST.'),
    /** Path and query sent to the target's origin; omitted: the target URL's own path. */
    path: z.string().max(8000).regex(/^\//, 'A path starts with /.').optional(),
    headers: z.array(headerSchema).max(200),
    bodyText: z.string().max(25 * 1024 * 1024)
  })
  .strict()

const ruleSchema = z
  .object({
    id: id.optional(),
    targetUrl: url,
    endpoint: z.string().max(200).nullable().default(null),
    pathPrefix: z.string().max(2000).nullable().default(null),
    /** Exact (`call.ended`), a glob (`call.*`) or `*` for any. */
    eventType: z.string().max(200).nullable().default(null),
    enabled: z.boolean().default(true),
    retryProvider: providerId.nullable().default(null),
    timeCompression: z.number().min(1).max(1_000_000).default(1)
  })
  .strict()

export const outboundInputs = {
  outboundCatalog: z.void(),
  sampleEvent: z.object({ provider: providerId, event: z.string().min(1).max(200) }).strict(),
  listTargets: z.void(),
  saveTarget: z.object({ id: id.optional(), name: z.string().trim().max(200).default(''), url }).strict(),
  deleteTarget: z.object({ id }).strict(),
  replayRequest: z
    .object({
      id,
      url,
      edit: editSchema.optional(),
      /** Recompute the signature (and timestamp) so the edited payload verifies. */
      resign: z.object({ provider: providerId.optional(), secret: secret.optional() }).strict().optional(),
      retry: retrySchema.optional(),
      timeoutMs: z.number().int().min(100).max(600_000).optional(),
      cancelKey: cancelKey.optional()
    })
    .strict(),
  sendEvent: z
    .object({
      provider: providerId,
      event: z.string().max(200).optional(),
      url,
      method: z.string().trim().min(1, 'A method is letters only, e.g. POST.').max(20).default('POST'),
      headers: z.array(headerSchema).max(200).default([]),
      bodyText: z.string().max(25 * 1024 * 1024),
      sign: z.boolean().default(true),
      secret: secret.optional(),
      retry: retrySchema.optional(),
      timeoutMs: z.number().int().min(100).max(600_000).optional(),
      cancelKey: cancelKey.optional()
    })
    .strict(),
  /** Stops a send or replay started with this cancel key: its delivery is recorded as cancelled. */
  cancelOutbound: z.object({ cancelKey }).strict(),
  listDeliveries: z
    .object({
      requestId: id.optional(),
      groupId: z.string().max(100).optional(),
      kind: z.enum(['replay', 'send', 'forward', 'retry', 'forge']).optional(),
      limit: z.number().int().min(1).max(500).optional()
    })
    .strict(),
  listForwardRules: z.void(),
  saveForwardRule: ruleSchema,
  deleteForwardRule: z.object({ id }).strict(),
  exportRequests: z
    .object({
      ids: z.array(id).min(1).max(EXPORT_MAX).optional(),
      /** Instead of ids: every capture that matches these filters ({} is all), newest first, up to EXPORT_MAX. */
      filters: requestFiltersSchema.optional(),
      format: z.enum(['har', 'json', 'curl'])
    })
    .strict()
    .refine((v) => (v.ids === undefined) !== (v.filters === undefined), 'Give either ids or filters.'),
  importHar: z
    .object({
      text: z
        .string()
        .max(256 * 1024 * 1024)
        .refine((t) => t.trim() !== '', 'This file is empty, so not a HAR file.')
    })
    .strict()
}

export type DeliveryKind = 'replay' | 'send' | 'forward' | 'retry' | 'forge'

/** A stored outbound delivery: what was sent and what came back. */
export interface DeliveryRecord {
  id: number
  kind: DeliveryKind
  requestId: number | null
  groupId: string | null
  attempt: number
  createdAt: number
  targetUrl: string
  method: string
  headers: Header[]
  bodyBase64: string
  responseStatus: number | null
  responseHeaders: Header[]
  responseBodyBase64: string
  durationMs: number | null
  error: string | null
  errorKind: string | null
  label: string | null
}

/** Pushed when any outbound delivery is stored; no bodies (fetch them with listDeliveries). */
export type DeliverySummary = Omit<DeliveryRecord, 'bodyBase64' | 'responseBodyBase64' | 'headers' | 'responseHeaders'> & {
  /** When the next simulated retry of this group is due (ms since epoch), if one is scheduled. */
  nextAttemptAt: number | null
  /** Where the simulated retry schedule stands after this attempt; null without retry simulation. */
  retry: RetryProgress | null
}

/**
 * `will-retry`: failed, another attempt is due at nextAttemptAt; `delivered`: answered 2xx; `gave-up`:
 * failed and the provider's schedule has no attempt left; `stopped`: failed and redelivery was called off
 * (a forwarding rule switched itself off, ErzyCall-style).
 */
export interface RetryProgress {
  outcome: 'will-retry' | 'delivered' | 'gave-up' | 'stopped'
  /** The schedule's total: the first attempt plus one per delay. */
  maxAttempts: number
}

export interface Target {
  id: number
  name: string
  url: string
  createdAt: number
}

export interface ForwardRule {
  id: number
  targetUrl: string
  endpoint: string | null
  pathPrefix: string | null
  eventType: string | null
  enabled: boolean
  retryProvider: string | null
  timeCompression: number
  consecutiveFailures: number
  /** Set when the rule was switched off for the user (ErzyCall-style auto-disable). */
  disabledReason: string | null
  createdAt: number
  /** Captures this rule matched (forwarded or not), and when the last one did; counted while the rule is on. */
  matchedCount: number
  lastMatchedAt: number | null
}

export interface CatalogProvider {
  id: string
  name: string
  signs: boolean
  signatureHeaders: string[]
  methods: string[]
  contentType: string
  retry: { delaysMs: number[]; timeoutMs: number; disableAfterFailures: number | null; description: string }
  events: { type: string; description: string }[]
}

export interface EventSampleResult {
  method: string
  headers: Header[]
  bodyText: string
}

export interface OutboundResults {
  outboundCatalog: CatalogProvider[]
  sampleEvent: EventSampleResult
  listTargets: Target[]
  saveTarget: Target
  deleteTarget: { deleted: boolean }
  replayRequest: DeliveryRecord
  sendEvent: DeliveryRecord
  listDeliveries: DeliveryRecord[]
  listForwardRules: ForwardRule[]
  /** `warning`: saved, but nothing seen so far would match it (a typo?). */
  saveForwardRule: ForwardRule & { warning: string | null }
  deleteForwardRule: { deleted: boolean }
  /** `count` captures exported; `truncated` when more matched than EXPORT_MAX. */
  exportRequests: { text: string; filename: string; mimeType: string; count: number; truncated: boolean }
  importHar: { imported: number; ids: number[]; skipped: number }
  /** False when nothing with that key was waiting (it had finished already). */
  cancelOutbound: { cancelled: boolean }
}

export interface OutboundEventPayloads {
  deliveryRecorded: DeliverySummary
  forwardRulesChanged: ForwardRule[]
}
