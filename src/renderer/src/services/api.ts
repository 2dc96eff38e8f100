import type { HookscopeApi, HookscopeMethods } from '../../../shared/api'
import { fromErrorInfo, HookscopeError } from '../../../shared/errors'
import { API_METHODS } from '../../../shared/methods'
import { createWebSocketApi } from './ws-client'

declare global {
  interface Window {
    hookscope?: HookscopeApi
  }
}

let instance: HookscopeApi | null = null
const connectionLost = new Set<() => void>()

/** Web mode: `listener` runs when the engine's WebSocket closes (`hookscope serve` stopped). */
export function onConnectionLost(listener: () => void): () => void {
  connectionLost.add(listener)
  return () => connectionLost.delete(listener)
}

/** True in the desktop window (the preload is there), false in the browser UI of `serve --ui`. */
export function isDesktop(): boolean {
  return Boolean(window.hookscope)
}

/** The Api, whichever transport carries it: the Electron preload, or a WebSocket in web mode. */
export function api(): HookscopeApi {
  if (instance) return instance
  if (window.hookscope) {
    instance = withHookscopeErrors(window.hookscope)
    return instance
  }
  const params = new URLSearchParams(location.search)
  const token = params.get('token') ?? sessionStorage.getItem('hookscope-token')
  if (!token) throw new HookscopeError('forbidden', 'Open the UI with the URL printed by `hookscope serve --ui` (it carries the access token).')
  sessionStorage.setItem('hookscope-token', token)
  history.replaceState(null, '', location.pathname)
  instance = createWebSocketApi(token, () => connectionLost.forEach((listener) => listener()))
  return instance
}

/** The preload's methods, rejecting with a HookscopeError rebuilt from the { code, message } it sends. */
function withHookscopeErrors(bridge: HookscopeApi): HookscopeApi {
  const call = (m: string) => (input?: unknown) =>
    (bridge[m as keyof HookscopeMethods] as (input?: unknown) => Promise<unknown>)(input).catch((error: unknown) => {
      throw fromErrorInfo(error)
    })
  const methods = Object.fromEntries(API_METHODS.map((m) => [m, call(m)]))
  return { ...(methods as unknown as HookscopeMethods), on: (event, listener) => bridge.on(event, listener) }
}
