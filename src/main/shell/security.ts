import { session } from 'electron'

/** Denies every permission (camera, notifications, geolocation...): an inspector needs none. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.setDevicePermissionHandler(() => false)
  // Nothing is downloaded from inside the app (exports are written by the main process).
  session.defaultSession.on('will-download', (event) => event.preventDefault())
}
