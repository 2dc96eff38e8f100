import { useEffect, useRef } from 'react'

/** Calls fn(value) once value has stopped changing for `ms` (typing in a search box). */
export function useDebouncedEffect<T>(value: T, ms: number, fn: (value: T) => void): void {
  const first = useRef(true)
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    const timer = setTimeout(() => latest.current(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
}
