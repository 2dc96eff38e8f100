import type { z } from 'zod'
import type { ApiResults, apiInputs } from '../../shared/api'
import type { ApiMethod } from '../../shared/methods'
import type { EngineEvents } from './events'

/** The implementation of every Api method; inputs arrive already checked by their zod schema. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: z.output<(typeof apiInputs)[M]>) => Promise<ApiResults[M]> | ApiResults[M]
}

/** Where a feature announces a change (the UI and `serve` listen); EngineEvents is the one sink. */
export type EventSink = Pick<EngineEvents, 'emit'>

/** A feature's log line (stderr for the CLI, the console for the app). */
export type Log = (message: string) => void

/** What a transport (IPC, WebSocket) serves: the Api table and the events it pushes. */
export interface ApiHost {
  api: ApiHandlers
  events: Pick<EngineEvents, 'subscribe'>
}
