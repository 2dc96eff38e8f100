import { useEffect } from 'react'
import { api } from '../services/api'
import { useStore } from '../store'

/** The one place pushed engine events enter the store. */
export function useEngineEvents(): void {
  useEffect(() => {
    const s = useStore.getState()
    const offs = [
      api().on('requestsAdded', (batch) => useStore.getState().onRequestsAdded(batch)),
      api().on('requestsDeleted', (change) => useStore.getState().onRequestsDeleted(change)),
      api().on('requestsUpdated', (batch) => useStore.getState().onRequestsUpdated(batch)),
      api().on('deliveryRecorded', (d) => useStore.getState().onDeliveryRecorded(d)),
      api().on('forwardRulesChanged', (rules) => useStore.getState().onForwardRulesChanged(rules)),
      api().on('settingsChanged', (settings) => useStore.getState().onSettingsChanged(settings)),
      api().on('tunnelChanged', (state) => useStore.getState().onTunnelChanged(state)),
      api().on('endpointsChanged', (endpoints) => useStore.getState().onEndpointsChanged(endpoints)),
      api().on('forgeProgress', (p) => useStore.getState().onForgeProgress(p))
    ]
    void s.init()
    void s.loadTunnel()
    return () => offs.forEach((off) => off())
  }, [])
}
