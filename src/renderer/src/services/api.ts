import type { HookscopeApi } from '../../../shared/api'
import { createWebSocketApi } from './ws-client'

declare global {
  interface Window {
    hookscope?: HookscopeApi
  }
}

let instance: HookscopeApi | null = null

/** True in the desktop window (the preload is there), false in the browser UI of `serve --ui`. */
export function isDesktop(): boolean {
  return Boolean(window.hookscope)
}

/** The Api, whichever transport carries it: the Electron preload, or a WebSocket in web mode. */
export function api(): HookscopeApi {
  if (instance) return instance
  if (window.hookscope) {
    instance = window.hookscope
    return instance
  }
  const params = new URLSearchParams(location.search)
  const token = params.get('token') ?? sessionStorage.getItem('hookscope-token')
  if (!token) throw new Error('Open the UI with the URL printed by `hookscope serve --ui` (it carries the access token).')
  sessionStorage.setItem('hookscope-token', token)
  history.replaceState(null, '', location.pathname)
  instance = createWebSocketApi(token)
  return instance
}
