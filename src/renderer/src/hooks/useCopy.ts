import { useEffect, useRef, useState } from 'react'

/** Copies text produced on demand and says what happened, in words, for a couple of seconds. */
export function useCopy(): { status: string | null; copy: (label: string, produce: () => Promise<string> | string) => Promise<void> } {
  const [status, setStatus] = useState<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const copy = async (label: string, produce: () => Promise<string> | string): Promise<void> => {
    clearTimeout(timer.current)
    try {
      await navigator.clipboard.writeText(await produce())
      setStatus(`Copied ${label}`)
    } catch (error) {
      setStatus(`Could not copy ${label}: ${(error as Error).message}`)
    }
    timer.current = setTimeout(() => setStatus(null), 2500)
  }
  return { status, copy }
}
