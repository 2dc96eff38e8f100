import type { ReactNode } from 'react'
import type { DeliveryRecord } from '../../../../shared/api/outbound'
import type { ErrorInfo } from '../../../../shared/errors'
import { ErrorNote } from '../ErrorNote'
import { DeliveryResult, DeliveryRow } from './DeliveryResult'
import { Timeline } from './Timeline'

interface Props {
  /** Why the last action could not start, in plain words. */
  error: ErrorInfo | null
  errorTestId: string
  deliveries: DeliveryRecord[]
  /** The one opened by the user; null: the newest (when `newestByDefault`). */
  shownId: number | null
  newestByDefault: boolean
  onOpen: (id: number) => void
  title: string
  /** Shown between the opened delivery and the list. */
  children?: ReactNode
}

/** The shared lower half of Replay, Send and Forwarding: error, the opened delivery with its retry timeline, the list. */
export function DeliveryPanel({ error, errorTestId, deliveries, shownId, newestByDefault, onOpen, title, children }: Props): React.JSX.Element {
  const shown = (shownId !== null ? deliveries.find((d) => d.id === shownId) : undefined) ?? (newestByDefault ? deliveries[0] : undefined)
  return (
    <>
      <ErrorNote error={error} testId={errorTestId} />
      {shown && (
        <>
          <DeliveryResult delivery={shown} />
          {shown.groupId && <Timeline groupId={shown.groupId} />}
        </>
      )}
      {children}
      {deliveries.length > 0 && (
        <section className="delivery-history">
          <h4>
            {title} ({deliveries.length})
          </h4>
          {deliveries.map((d) => (
            <DeliveryRow key={d.id} delivery={d} active={d.id === shown?.id} onOpen={() => onOpen(d.id)} />
          ))}
        </section>
      )}
    </>
  )
}
