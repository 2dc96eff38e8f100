// A second launch of the app hands over to the first one, which shows its window: restored if it
// was minimized, shown if hidden, and focused. Structural type, no electron import: unit-tested.

export interface FocusableWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  restore(): void
  isVisible(): boolean
  show(): void
  focus(): void
}

/** Returns false when there is no window to show (the caller then opens one). */
export function bringToFront(window: FocusableWindow | null): boolean {
  if (!window || window.isDestroyed()) return false
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
  return true
}
