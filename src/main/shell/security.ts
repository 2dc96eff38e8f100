import { session } from 'electron'

/** Denies every permission (camera, notifications, geolocation...): an inspector needs none. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
