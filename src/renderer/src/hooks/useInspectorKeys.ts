import { useEffect } from 'react'
import { useStore } from '../store'

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
}

/** Inspector shortcuts: `/` search, Up/Down move the selection, Delete removes the selected capture, Esc cancels a compare pick. */
export function useInspectorKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      // A panel open over the list (the tunnel's) owns the keyboard: Delete must not remove a capture behind it.
      if (document.querySelector('[role="dialog"]')) return
      const s = useStore.getState()
      if (e.key === '/' && !typing(e.target)) {
        e.preventDefault()
        document.getElementById('search')?.focus()
        return
      }
      if (typing(e.target) && e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
      // Esc leaves "pick a capture to compare with", as the banner's Cancel does.
      if (e.key === 'Escape' && s.compareFrom !== null) {
        s.cancelCompare()
        return
      }
      // From the search box, Down leaves it and walks the list: type, then arrow into the results.
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (typing(e.target) && (e.target as HTMLElement).id !== 'search') return
        e.preventDefault()
        s.selectRelative(e.key === 'ArrowDown' ? 1 : -1)
      } else if (e.key === 'Delete' && s.selectedId !== null) {
        e.preventDefault()
        void s.deleteRequest(s.selectedId)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
