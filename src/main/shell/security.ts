import { session } from 'electron'

/** The copy buttons (navigator.clipboard.writeText) need this one; writing is harmless, reading stays denied. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write'])

/** Denies every other permission (camera, notifications, geolocation...): an inspector needs none. */
export function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(ALLOWED_PERMISSIONS.has(permission))
  )
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission))
  session.defaultSession.setDevicePermissionHandler(() => false)
  // Only exports the page built itself (blob: URLs of its own origin) may be saved, through the
  // system's save dialog; nothing is ever fetched from the network as a download.
  session.defaultSession.on('will-download', (event, item) => {
    if (!item.getURL().startsWith('blob:')) event.preventDefault()
  })
}
