import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { API_METHODS, IPC_EVENT_CHANNEL, IPC_PREFIX } from '../../shared/methods'
import type { Engine } from '../engine/engine'
import { dispatch } from '../transport/dispatch'

/** Only our own page, loaded from our files (or the dev server), may call the engine. */
function trustedSender(event: IpcMainInvokeEvent, window: BrowserWindow): boolean {
  if (event.sender !== window.webContents) return false
  const url = event.senderFrame?.url ?? ''
  return url.startsWith('file://') || (!!process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL))
}

export function registerIpc(engine: Engine, window: BrowserWindow): void {
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
