// How a CLI verb reaches the engine: as a client of its Api, like IPC and WebSocket clients are, with
// arguments checked by the same zod schemas and the same dispatch, and the same pushed events.
import type { z } from 'zod'
import { apiInputs, type ApiResults } from '../../shared/api'
import { BODY_CHUNK_BYTES } from '../../shared/api/core'
import type { ApiMethod } from '../../shared/methods'
import type { CapturedRequest } from '../../shared/types'
import type { ApiHost } from '../engine/api-handlers'
import { Engine, type EngineOptions } from '../engine/engine'
import { dispatch } from '../transport/dispatch'
import { HookscopeError } from '../../shared/errors'
import { printWarning } from './output'
import type { VerbContext } from './verb'

/** What a verb may touch: the Api and its events, nothing else of the engine. */
export type CliEngine = ApiHost

export interface EngineUse {
  /** Without writer and checkpoint threads (see EngineOptions.oneShot); default true. */
  oneShot?: boolean
}

/** The engine for one command, stopped once `fn` has finished. */
export async function usingEngine<T>(ctx: VerbContext, fn: (engine: CliEngine) => Promise<T> | T, use: EngineUse = {}): Promise<T> {
  const options: EngineOptions = { dbPath: ctx.dbPath, log: () => {}, oneShot: use.oneShot ?? true }
  const engine = new Engine(options)
  // A broken file was moved aside and a fresh one started: without this line `list` would print an
  // empty list, exit 0, and the user would think the captures were gone.
  if (engine.databaseRecovery) printWarning(ctx.json, engine.databaseRecovery.message)
  try {
    return await fn({ api: engine.api, events: engine.events })
  } finally {
    if (options.oneShot) engine.close()
    else {
      // A checkpoint worker is unref'd: hold the event loop open while its exit is awaited, or the
      // process would end mid-await.
      const hold = setInterval(() => {}, 1000)
      await engine.stop().finally(() => clearInterval(hold))
    }
  }
}

/** Says which option was wrong, per Api field (a dotted path, '' for the whole input). */
export type OptionWording = Record<string, string>

/**
 * Calls one Api method as IPC and WebSocket do (same schema, same dispatch). A bad argument fails as
 * a sentence naming the option (from `wording`, else the field and the schema's message); any other
 * failure fails with the engine's message.
 */
export async function callApi<M extends ApiMethod>(
  engine: CliEngine,
  method: M,
  input: z.input<(typeof apiInputs)[M]>,
  wording: OptionWording = {}
): Promise<ApiResults[M]> {
  const envelope = await dispatch(engine.api, method, input)
  if (envelope.ok) return envelope.result as ApiResults[M]
  if (envelope.error.code !== 'invalid_input') throw new HookscopeError(envelope.error.code, envelope.error.message)
  const parsed = apiInputs[method].safeParse(input)
  const issue = parsed.success ? undefined : parsed.error.issues[0]
  const field = issue?.path.join('.') ?? ''
  throw new HookscopeError('invalid_input', wording[field] ?? (issue ? `${field ? `${field}: ` : ''}${issue.message}` : envelope.error.message))
}

/**
 * A whole capture, body included at any size (`show` prints it, `export` writes it): getRequest leaves
 * a body over 1 MiB out, as it does for the UI, and the rest is read in chunks like the UI does.
 */
export async function wholeCapture(engine: CliEngine, id: number): Promise<CapturedRequest | null> {
  const request = await callApi(engine, 'getRequest', { id })
  if (!request?.bodyOmitted) return request
  // Chunks are a multiple of 3 bytes long, so their base64 texts join into the body's.
  const parts: string[] = []
  for (let offset = 0, total = 1; offset < total; offset += BODY_CHUNK_BYTES) {
    const chunk = await callApi(engine, 'readBody', { id, offset, length: BODY_CHUNK_BYTES })
    if (!chunk) return null // deleted meanwhile
    parts.push(chunk.base64)
    total = chunk.total
  }
  const { bodyOmitted: _omitted, ...rest } = request
  return { ...rest, bodyBase64: parts.join('') }
}
