import { useRef } from 'react'
import { useStore } from '../store'
import { MIN_LIST_WIDTH as MIN_LIST } from '../store/persist'

const MIN_DETAIL = 360
const STEP = 24

/**
 * The list pane's width in px (null: the default share), remembered across launches (prefs-slice). The
 * grid clamps it to the window, so a width saved on a big screen never hides the detail on a small one.
 */
export function useListWidth(): [number | null, (px: number | null) => void] {
  return [useStore((s) => s.listWidth), useStore((s) => s.setListWidth)]
}

/** A draggable (and keyboard-movable) divider between the list and the detail; double-click resets it. */
export function Splitter({ width, onChange }: { width: number | null; onChange: (px: number | null) => void }): React.JSX.Element {
  const ref = useRef<HTMLDivElement>(null)
  const clamp = (px: number): number => {
    const total = ref.current?.parentElement?.clientWidth ?? window.innerWidth
    return Math.max(MIN_LIST, Math.min(px, total - MIN_DETAIL))
  }
  const current = (): number => ref.current?.previousElementSibling?.getBoundingClientRect().width ?? width ?? MIN_LIST
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return
    e.preventDefault()
    const el = e.currentTarget
    el.setPointerCapture(e.pointerId)
    const left = el.parentElement!.getBoundingClientRect().left
    const move = (ev: PointerEvent): void => onChange(clamp(ev.clientX - left))
    const up = (): void => {
      el.removeEventListener('pointermove', move)
      el.removeEventListener('pointerup', up)
      el.removeEventListener('pointercancel', up)
    }
    el.addEventListener('pointermove', move)
    el.addEventListener('pointerup', up)
    el.addEventListener('pointercancel', up)
  }
  const onKeyDown = (e: React.KeyboardEvent): void => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault()
      onChange(clamp(current() + (e.key === 'ArrowLeft' ? -STEP : STEP)))
    }
  }
  return (
    <div
      ref={ref}
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the list"
      aria-valuenow={width ?? undefined}
      tabIndex={0}
      title="Drag to resize; double-click for the default"
      data-testid="list-splitter"
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(null)}
    />
  )
}
