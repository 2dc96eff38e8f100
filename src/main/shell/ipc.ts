import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { API_METHODS, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/methods'
import type { ApiHost } from '../engine/api-handlers'
import { dispatch } from '../transport/dispatch'
import { RENDERER_INDEX } from './window'
import { pathToFileURL } from 'node:url'

const OWN_PAGE = pathToFileURL(RENDERER_INDEX).href

/**
 * Only our own page may call the engine: the main frame (no iframe) of our window, showing our
 * index.html (or, in development, a page of the dev server's origin). Query and hash are ignored.
 */
function trustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false
  const frame = event.senderFrame
  if (!frame || frame !== window.webContents.mainFrame) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  const dev = process.env.ELECTRON_RENDERER_URL
  if (dev) return url.origin === new URL(dev).origin
  return url.protocol === 'file:' && url.host === '' && `file://${url.pathname}` === OWN_PAGE
}

export function registerIpc(engine: ApiHost, window: BrowserWindow): void {
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_PREFIX + method, (event, input: unknown) => {
      if (!trustedSender(event, window)) {
        return { ok: false, error: { code: 'forbidden', message: 'Caller is not the Hookscope window.' } }
      }
      return dispatch(engine.api, method, input)
    })
  }
  const unsubscribe = engine.events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload)
  })
  window.on('closed', unsubscribe)
}
