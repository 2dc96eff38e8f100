import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import { hexLine } from '../../../lib/body-analysis'

const LINE_HEIGHT = 18

/** A virtualized hex dump: each visible line (16 bytes) is formatted when shown, so size does not matter. */
export function HexView({ bytes }: { bytes: Uint8Array }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null)
  const lines = Math.ceil(bytes.length / 16)
  // eslint-disable-next-line react-hooks/incompatible-library -- the warning is about the React Compiler memoizing this component; it is not compiled, and no memoized child gets the virtualizer
  const virtualizer = useVirtualizer({
    count: lines,
    getScrollElement: () => ref.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30
  })
  return (
    <div className="hex-view body-scroll" ref={ref} data-testid="hex-view">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.index} className="hex-line" style={{ transform: `translateY(${item.start}px)`, height: LINE_HEIGHT }}>
            {hexLine(bytes, item.index * 16)}
          </div>
        ))}
      </div>
    </div>
  )
}
