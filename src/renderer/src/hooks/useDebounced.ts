import { useEffect, useEffectEvent, useRef } from 'react'

/** Calls fn(value) once value has stopped changing for `ms` (typing in a search box). */
export function useDebouncedEffect<T>(value: T, ms: number, fn: (value: T) => void): void {
  const first = useRef(true)
  // The latest fn when the timer fires; a new fn (an inline arrow each render) does not restart the wait.
  const settled = useEffectEvent(fn)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = setTimeout(() => settled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
}
