/**
 * Collects items pushed between two frames and delivers them as one array, at most once per frame.
 * Live batches arrive every ~50 ms during a burst, and when the main thread falls behind several
 * queue up; one store update (and one render) per frame keeps that work bounded by the frame rate.
 * A timer backs up the frame callback because hidden windows get no animation frames.
 */
export interface FrameCoalescer<T> {
  push: (items: T[]) => void
  /** Delivers what is pending now (before an event that must see it, e.g. a deletion). */
  flush: () => void
  cancel: () => void
}

const FALLBACK_MS = 100
// Looked up at call time through globalThis: this file is also type-checked (and unit-tested) without the DOM library.
const frames = globalThis as unknown as { requestAnimationFrame: (cb: () => void) => number; cancelAnimationFrame: (id: number) => void }

export function frameCoalescer<T>(deliver: (items: T[]) => void): FrameCoalescer<T> {
  let pending: T[][] = []
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  const cancel = (): void => {
    if (frame !== null) frames.cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
    frame = timer = null
  }
  const flush = (): void => {
    cancel()
    if (pending.length === 0) return
    const items = pending.length === 1 ? pending[0] : pending.flat()
    pending = []
    deliver(items)
  }
  return {
    push: (items) => {
      if (items.length === 0) return
      pending.push(items)
      if (frame !== null || timer !== null) return
      frame = frames.requestAnimationFrame(flush)
      timer = setTimeout(flush, FALLBACK_MS)
    },
    flush,
    cancel: () => {
      cancel()
      pending = []
    }
  }
}
