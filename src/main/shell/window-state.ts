// The window's size and position, remembered between launches in a small JSON file in userData.
// Plain Node (no electron import) so the display-fit rule is unit-tested; window.ts does the wiring.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds: Rect
  maximized: boolean
}

export const DEFAULT_SIZE = { width: 1400, height: 880 }
export const MIN_SIZE = { width: 900, height: 560 }
/** How much of the window's top strip (where its title bar is) must be on a display to be grabbed. */
const GRAB_WIDTH = 100
const GRAB_HEIGHT = 30

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

/**
 * Where to open the window, given the saved bounds and the displays' work areas now. Saved bounds are
 * used only when the window's top strip is on a display, so it can be seen and dragged; a display
 * that went away (a laptop undocked) gives null and the window opens at the default size, centred.
 * A window larger than its display is shrunk to fit it.
 */
export function fitToDisplays(saved: Rect | null, workAreas: Rect[]): Rect | null {
  if (!saved || !isRect(saved)) return null
  const titleStrip: Rect = { x: saved.x, y: saved.y, width: saved.width, height: GRAB_HEIGHT }
  const home = workAreas.find((area) => {
    const o = overlap(titleStrip, area)
    return o.width >= Math.min(GRAB_WIDTH, saved.width) && o.height >= Math.min(GRAB_HEIGHT, saved.height)
  })
  if (!home) return null
  const width = Math.max(Math.min(saved.width, home.width), Math.min(MIN_SIZE.width, home.width))
  const height = Math.max(Math.min(saved.height, home.height), Math.min(MIN_SIZE.height, home.height))
  // Shrinking may push an edge off the display: pull the window back inside its work area.
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width)
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height)
  return { x, y, width, height }
}

function isRect(value: unknown): value is Rect {
  const r = value as Rect
  return (
    typeof r === 'object' &&
    r !== null &&
    [r.x, r.y, r.width, r.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    r.width > 0 &&
    r.height > 0
  )
}

/** The saved state, or null when there is none or the file is unreadable (then the defaults apply). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>
    if (!isRect(parsed.bounds)) return null
    return { bounds: parsed.bounds, maximized: parsed.maximized === true }
  } catch {
    return null
  }
}

/** Written whole to a temporary file and renamed, so a crash mid-write never leaves half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true })
  const temp = `${file}.tmp`
  writeFileSync(temp, JSON.stringify(state))
  renameSync(temp, file)
}
