import type { ComponentType } from 'react'
import { CallsView } from './calls/CallsView'
import { ForgeView } from './forge/ForgeView'
import { InspectorView } from './InspectorView'
import { ForwardingView } from './outbound/ForwardingView'
import { SendView } from './outbound/SendView'
import { SettingsView } from './SettingsView'
import { EndpointsView } from './signatures/EndpointsView'

export interface View {
  id: string
  label: string
  component: ComponentType
}

/** The app's top-level views, in the order the navigation shows them. A feature adds one entry. */
export const VIEWS: View[] = [
  { id: 'inspector', label: 'Inspector', component: InspectorView },
  { id: 'calls', label: 'Calls', component: CallsView },
  { id: 'send', label: 'Send', component: SendView },
  { id: 'forward', label: 'Forwarding', component: ForwardingView },
  { id: 'forge', label: 'Forge test', component: ForgeView },
  { id: 'endpoints', label: 'Endpoints', component: EndpointsView },
  { id: 'settings', label: 'Settings', component: SettingsView }
]
