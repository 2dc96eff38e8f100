import { useEffect } from 'react'
import type { RequestSummary } from '../../../shared/types'
import { api } from '../services/api'
import { useStore } from '../store'
import { frameCoalescer } from './frame-coalescer'

/** The one place pushed engine events enter the store. */
export function useEngineEvents(): void {
  useEffect(() => {
    const s = useStore.getState()
    // Live arrivals reach the store once per frame; changes to listed rows first deliver what is pending.
    const arrivals = frameCoalescer<RequestSummary>((batch) => {
      useStore.getState().onRequestsAdded(batch)
      useStore.getState().countEndpointCaptures(batch)
    })
    const offs = [
      api().on('requestsAdded', (batch) => {
        arrivals.push(batch)
        useStore.getState().onCallDeliveries(batch)
      }),
      api().on('requestsDeleted', (change) => {
        arrivals.flush()
        useStore.getState().onRequestsDeleted(change)
        useStore.getState().refreshEndpointCounts()
        useStore.getState().onCallsInvalidated()
      }),
      api().on('requestsUpdated', (batch) => {
        arrivals.flush()
        useStore.getState().onRequestsUpdated(batch)
      }),
      api().on('deliveryRecorded', (d) => useStore.getState().onDeliveryRecorded(d)),
      api().on('forwardRulesChanged', (rules) => useStore.getState().onForwardRulesChanged(rules)),
      api().on('settingsChanged', (settings) => useStore.getState().onSettingsChanged(settings)),
      api().on('tunnelChanged', (state) => useStore.getState().onTunnelChanged(state)),
      api().on('endpointsChanged', (endpoints) => useStore.getState().onEndpointsChanged(endpoints)),
      api().on('forgeProgress', (p) => useStore.getState().onForgeProgress(p))
    ]
    void s.init()
    void s.loadTunnel()
    return () => {
      arrivals.cancel()
      offs.forEach((off) => off())
    }
  }, [])
}
