import type { ComponentType } from 'react'
import type { CapturedRequest } from '../../../../shared/types'
import { BodyTab } from './BodyTab'
import { HeadersTab } from './HeadersTab'
import { ReplayTab } from './ReplayTab'
import { SignatureTab } from './SignatureTab'
import { QueryTab } from './QueryTab'
import { RawTab } from './RawTab'
import { parseQuery } from '../../lib/body-analysis'

export interface DetailTabProps {
  request: CapturedRequest
}

export interface DetailTab {
  id: string
  label: string
  component: ComponentType<DetailTabProps>
  /** Optional count shown beside the label (e.g. number of headers). */
  badge?: (request: CapturedRequest) => number | null
}

/** The detail pane's tabs, in order. A feature adds its tab here (one entry, its own component file). */
export const DETAIL_TABS: DetailTab[] = [
  { id: 'body', label: 'Body', component: BodyTab },
  { id: 'headers', label: 'Headers', component: HeadersTab, badge: (r) => r.headers.length },
  { id: 'signature', label: 'Signature', component: SignatureTab },
  { id: 'query', label: 'Query', component: QueryTab, badge: (r) => parseQuery(r.path).length || null },
  { id: 'raw', label: 'Raw', component: RawTab },
  { id: 'replay', label: 'Replay', component: ReplayTab }
]
