import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { frameCoalescer } from '../../src/renderer/src/hooks/frame-coalescer'

// Node has no animation frames: a hand-driven frame queue stands in for the browser's.
let frames: Array<() => void> = []
beforeEach(() => {
  frames = []
  vi.useFakeTimers()
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb))
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => {}
  })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})
const nextFrame = (): void => frames.splice(0).forEach((cb) => cb())

describe('frameCoalescer', () => {
  it('delivers everything pushed between two frames once, in arrival order', () => {
    const got: number[][] = []
    const c = frameCoalescer<number>((items) => got.push(items))
    c.push([1, 2])
    c.push([])
    c.push([3])
    expect(got).toEqual([])
    nextFrame()
    expect(got).toEqual([[1, 2, 3]])
    c.push([4])
    nextFrame()
    expect(got).toEqual([[1, 2, 3], [4]])
    vi.runAllTimers() // the backup timer of a delivered frame delivers nothing more
    expect(got).toHaveLength(2)
  })

  it('delivers without frames (hidden window) after the backup timer', () => {
    const got: number[][] = []
    const c = frameCoalescer<number>((items) => got.push(items))
    c.push([1])
    vi.advanceTimersByTime(100)
    expect(got).toEqual([[1]])
    nextFrame()
    expect(got).toHaveLength(1)
  })

  it('flush delivers pending items at once; cancel drops them', () => {
    const got: number[][] = []
    const c = frameCoalescer<number>((items) => got.push(items))
    c.push([1])
    c.flush()
    expect(got).toEqual([[1]])
    c.flush()
    expect(got).toHaveLength(1)
    c.push([2])
    c.cancel()
    nextFrame()
    vi.runAllTimers()
    expect(got).toEqual([[1]])
  })
})
