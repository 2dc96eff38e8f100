import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { fitToDisplays, readWindowState, writeWindowState } from '../../src/main/shell/window-state'
import { tempDir } from '../helpers/temp'

const laptop = { x: 0, y: 0, width: 1440, height: 875 }
// A second monitor to the right of the laptop, its top 200 px lower.
const monitor = { x: 1440, y: 200, width: 2560, height: 1415 }

describe('fitToDisplays', () => {
  it('keeps saved bounds that sit on a display', () => {
    expect(fitToDisplays({ x: 100, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 })
    expect(fitToDisplays({ x: 1600, y: 300, width: 1400, height: 900 }, [laptop, monitor])).toEqual({ x: 1600, y: 300, width: 1400, height: 900 })
  })

  it('gives null (open at the default place) when the display the window was on is gone', () => {
    expect(fitToDisplays({ x: 1600, y: 300, width: 1400, height: 900 }, [laptop])).toBeNull()
  })

  it('gives null when only a sliver of the title bar would be on screen, so it could not be dragged', () => {
    // 40 px of its left end on the laptop's right edge.
    expect(fitToDisplays({ x: 1400, y: 100, width: 1200, height: 800 }, [laptop])).toBeNull()
    // The title bar above the top of every display (the body hanging down into it).
    expect(fitToDisplays({ x: 100, y: -500, width: 1200, height: 800 }, [laptop])).toBeNull()
  })

  it('keeps a window whose title bar is reachable even if part of it hangs off the display', () => {
    expect(fitToDisplays({ x: 1000, y: 100, width: 1200, height: 700 }, [laptop])).toEqual({ x: 240, y: 100, width: 1200, height: 700 })
  })

  it('shrinks a window larger than its display to the work area and keeps it inside', () => {
    expect(fitToDisplays({ x: 10, y: 10, width: 2500, height: 1600 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 })
  })

  it('ignores saved bounds that are not a rectangle', () => {
    expect(fitToDisplays(null, [laptop])).toBeNull()
    expect(fitToDisplays({ x: 0, y: 0, width: 0, height: 800 }, [laptop])).toBeNull()
    expect(fitToDisplays({ x: Number.NaN, y: 0, width: 800, height: 800 }, [laptop])).toBeNull()
    expect(fitToDisplays({ x: 0, y: 0, width: 800, height: 600 }, [])).toBeNull()
  })
})

describe('window state file', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))
  const file = (): string => {
    const t = tempDir()
    cleanups.push(t.cleanup)
    return join(t.dir, 'nested', 'window-state.json')
  }

  it('round-trips bounds and maximized, creating the folder, leaving no temporary file', () => {
    const f = file()
    writeWindowState(f, { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true })
    expect(readWindowState(f)).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true })
    expect(existsSync(`${f}.tmp`)).toBe(false)
  })

  it('reads a missing, corrupt or foreign file as no state', () => {
    const f = file()
    expect(readWindowState(f)).toBeNull()
    writeWindowState(f, { bounds: { x: 0, y: 0, width: 1, height: 1 }, maximized: false })
    writeFileSync(f, '{"bounds": {"x": 1')
    expect(readWindowState(f)).toBeNull()
    writeFileSync(f, '{"bounds": {"x": "a", "y": 0, "width": 10, "height": 10}}')
    expect(readWindowState(f)).toBeNull()
  })
})
