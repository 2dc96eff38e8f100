// How a CLI verb reaches the engine: through its Api, with arguments checked by the same zod schemas
// (and the same dispatch) as IPC and WebSocket calls, plus a few narrow reads the Api lacks.
import type { z } from 'zod'
import { apiInputs, type ApiResults } from '../../shared/api'
import type { ApiMethod } from '../../shared/methods'
import type { CapturedRequest } from '../../shared/types'
import type { ApiHandlers } from '../engine/api-handlers'
import { Engine } from '../engine/engine'
import type { RequestStore } from '../engine/store/request-store'
import { dispatch } from '../transport/dispatch'
import { CliError } from './output'
import type { VerbContext } from './verb'

/** What a one-shot verb may touch. Everything but `api` is a read the Api does not offer; each says why. */
export interface CliEngine {
  api: ApiHandlers
  /**
   * A whole capture, body included at any size: the Api's getRequest leaves a big body out (the UI reads
   * it in chunks), while `show` prints it and `export` streams it.
   */
  fullCapture(id: number): CapturedRequest | null
  /** `wait` polls by id, reading only the rows committed since its last look. */
  arrivals: Pick<RequestStore, 'maxId' | 'firstAfter'>
  /**
   * Makes every committed row searchable before a search. The Api's listRequests indexes a bounded
   * backlog (and reports the rest as unindexed), which suits a live UI; a script wants all of them.
   */
  flushIndex(): void
}

/** The verb's view of an engine its caller owns (serve hosts one for its whole run). */
export function cliView(engine: Engine): CliEngine {
  return {
    api: engine.api,
    fullCapture: (id) => engine.requests.get(id),
    arrivals: engine.requests,
    flushIndex: () => engine.flushIndex()
  }
}

export interface EngineUse {
  /** Without writer and checkpoint threads (see EngineOptions.oneShot); default true. */
  oneShot?: boolean
}

/** The engine for one command, closed once `fn` has finished. */
export async function usingEngine<T>(ctx: VerbContext, fn: (engine: CliEngine) => Promise<T> | T, use: EngineUse = {}): Promise<T> {
  const engine = new Engine({ dbPath: ctx.dbPath, log: () => {}, oneShot: use.oneShot ?? true })
  try {
    return await fn(cliView(engine))
  } finally {
    // Retries and forwards a send may have scheduled die with the command.
    engine.outbound.stop()
    engine.db.close()
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
  if (envelope.error.code !== 'invalid_input') throw new CliError(envelope.error.message)
  const parsed = apiInputs[method].safeParse(input)
  const issue = parsed.success ? undefined : parsed.error.issues[0]
  const field = issue?.path.join('.') ?? ''
  throw new CliError(wording[field] ?? (issue ? `${field ? `${field}: ` : ''}${issue.message}` : envelope.error.message))
}
