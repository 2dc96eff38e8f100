// The one contract every transport and the renderer speak: argument schemas, results and pushed events.
// Adding a method: its name in methods.ts, its input schema and result type in the feature's file
// under api/, and its handler in the engine. Each feature keeps its own file so work does not collide.
import type { z } from 'zod'
import { coreInputs, type CoreResults } from './api/core'
import { signaturesInputs, type EndpointInfo, type SignaturesResults } from './api/signatures'
import { forgeInputs, type ForgeProgress, type ForgeResults } from './api/forge'
import { outboundInputs, type OutboundEventPayloads, type OutboundResults } from './api/outbound'
import { tunnelInputs, type TunnelResults } from './api/tunnel'
import { callsInputs, type CallsResults } from './api/calls'
import { storageInputs, type StorageResults } from './api/storage'
import type { ApiEvent, ApiMethod } from './methods'
import type { RequestSummary, Settings, TunnelState } from './types'
import type { ErrorInfo } from './errors'

export const apiInputs = {
  ...signaturesInputs,
  ...coreInputs,
  ...forgeInputs,
  ...outboundInputs,
  ...tunnelInputs,
  ...callsInputs,
  ...storageInputs
} satisfies Record<ApiMethod, z.ZodType>

export interface ApiResults extends SignaturesResults, CoreResults, ForgeResults, OutboundResults, TunnelResults, CallsResults, StorageResults {}

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>

/** What the renderer calls: one async function per capability. */
export type HookscopeMethods = {
  [M in ApiMethod]: (...args: ApiInput<M> extends void ? [] : [input: ApiInput<M>]) => Promise<ApiResults[M]>
}

export interface ApiEventPayloads extends OutboundEventPayloads {
  /** Captures whose verdict changed (a secret was added or removed): replace them in place. */
  requestsUpdated: RequestSummary[]
  endpointsChanged: EndpointInfo[]
  requestsAdded: RequestSummary[]
  requestsDeleted: { ids: number[] } | { all: true }
  settingsChanged: Settings
  tunnelChanged: TunnelState
  forgeProgress: ForgeProgress
}

export type EventListener<E extends ApiEvent> = (payload: ApiEventPayloads[E]) => void

export interface HookscopeApi extends HookscopeMethods {
  /** Subscribe to a pushed event; returns the unsubscribe function. */
  on<E extends ApiEvent>(event: E, listener: EventListener<E>): () => void
}

/** Transport envelope: errors travel as data, never as thrown transport errors. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorInfo }
