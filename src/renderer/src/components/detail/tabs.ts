import type { ComponentType } from 'react'
import type { CapturedRequest } from '../../../../shared/types'
import { BodyTab } from './BodyTab'
import { HeadersTab } from './HeadersTab'
import { ReplayTab } from './ReplayTab'

export interface DetailTabProps {
  request: CapturedRequest
}

export interface DetailTab {
  id: string
  label: string
  component: ComponentType<DetailTabProps>
}

/** The detail pane's tabs, in order. A feature adds its tab here (one entry, its own component file). */
export const DETAIL_TABS: DetailTab[] = [
  { id: 'body', label: 'Body', component: BodyTab },
  { id: 'headers', label: 'Headers', component: HeadersTab },
  { id: 'replay', label: 'Replay', component: ReplayTab }
]
