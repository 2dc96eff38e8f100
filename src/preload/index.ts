// Runs sandboxed: it can only use 'electron' and what is bundled in. It exposes exactly the Api's
// methods (one function each) and an event subscription that never hands over the raw IPC event.
import { contextBridge, ipcRenderer } from 'electron'
import type { Envelope, HookscopeApi, HookscopeMethods } from '../shared/api'
import { API_EVENTS, API_METHODS, IPC_EVENT_CHANNEL, IPC_PREFIX, type ApiEvent } from '../shared/methods'

async function call(method: string, input: unknown): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(IPC_PREFIX + method, input)) as Envelope<unknown>
  if (reply.ok) return reply.result
  // The context bridge keeps only the message of an Error (custom fields are dropped), so the
  // { code, message } crosses as plain data; services/api.ts turns it back into a HookscopeError.
  throw reply.error
}

const events = new Set<string>(API_EVENTS)
const methods = Object.fromEntries(API_METHODS.map((m) => [m, (input?: unknown) => call(m, input)]))

const api = {
  ...(methods as unknown as HookscopeMethods),
  on(event: ApiEvent, listener: (payload: never) => void) {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`)
    const handler = (_e: Electron.IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload as never)
    }
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
    }
  }
} satisfies HookscopeApi

contextBridge.exposeInMainWorld('hookscope', api)
