import { useCallback, useState, useSyncExternalStore } from 'react'

/** The time as last read, re-read on demand: the clock is an external store React subscribes to. */
function createClock(): { read: () => number; tick: (everyMs: number, changed: () => void) => () => void } {
  let now = Date.now()
  return {
    read: () => now,
    tick(everyMs, changed) {
      const update = (): void => {
        now = Date.now()
        changed()
      }
      update()
      const timer = setInterval(update, everyMs)
      return () => clearInterval(timer)
    }
  }
}

/** The current time, re-read every `everyMs` while `active` (countdowns); while inactive it holds still. */
export function useNow(active: boolean, everyMs = 1000): number {
  const [clock] = useState(createClock)
  const subscribe = useCallback((changed: () => void) => (active ? clock.tick(everyMs, changed) : () => {}), [clock, active, everyMs])
  return useSyncExternalStore(subscribe, clock.read)
}
