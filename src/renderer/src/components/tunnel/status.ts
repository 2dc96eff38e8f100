import type { TunnelState, TunnelStatus } from '../../../../shared/types'

export const STATUS_LABEL: Record<TunnelStatus, string> = {
  stopped: 'Tunnel off',
  connecting: 'Connecting…',
  online: 'Online',
  reconnecting: 'Reconnecting…',
  offline: 'Offline'
}

/** "attempt 3, next try in 4 s" while a retry is scheduled; "attempt 3" while it runs. */
export function retryText(state: TunnelState, now: number): string | null {
  if (state.status === 'online' || state.status === 'stopped' || state.attempt === 0) return null
  if (state.nextRetryAt === null) return `attempt ${state.attempt} in progress`
  const seconds = Math.max(0, Math.ceil((state.nextRetryAt - now) / 1000))
  return `attempt ${state.attempt}, next try in ${seconds} s`
}
