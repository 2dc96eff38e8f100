import type { ComponentType } from 'react'
import { InspectorView } from './InspectorView'

export interface View {
  id: string
  label: string
  component: ComponentType
}

/** The app's top-level views, in the order the navigation shows them. A feature adds one entry. */
export const VIEWS: View[] = [{ id: 'inspector', label: 'Inspector', component: InspectorView }]
