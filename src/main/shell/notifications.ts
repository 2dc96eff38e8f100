// The opt-in desktop notification for deliveries that fail verification while the window is in the
// background. What deserves one, and how often, is decided in failure-notice.ts.
import { Notification, type BrowserWindow } from 'electron'
import type { RequestSummary } from '../../shared/types'
import type { EngineEvents } from '../engine/events'
import type { SettingsStore } from '../engine/settings-store'
import { bringToFront } from './bring-to-front'
import { FailureNotices } from './failure-notice'

export function notifyFailedVerifications(
  engine: { events: Pick<EngineEvents, 'subscribe'>; settings: Pick<SettingsStore, 'get'> },
  window: BrowserWindow): void {
  const notices = new FailureNotices()
  const onFocus = (): void => notices.windowFocused()
  window.on('focus', onFocus)
  const unsubscribe = engine.events.subscribe((event, payload) => {
    if (event !== 'requestsAdded' || window.isDestroyed()) return
    const notice = notices.observe(payload as RequestSummary[], {
      enabled: engine.settings.get().notifyFailedVerification,
      windowFocused: window.isFocused()
    })
    if (!notice || !Notification.isSupported()) return
    const shown = new Notification({ title: notice.title, body: notice.body })
    shown.on('click', () => bringToFront(window))
    shown.show()
  })
  window.on('closed', unsubscribe)
}
