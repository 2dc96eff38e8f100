import { describe, expect, it } from 'vitest'
import { formatBytes, formatMs } from '../../src/shared/format'

describe('sizes and durations for people (one home for main and renderer)', () => {
  it('writes sizes in sentences with binary units and drops a .0', () => {
    expect([12, 1536, 256 * 1024, 64 * 1024 * 1024, 3 * 1024 ** 3].map((n) => formatBytes(n))).toEqual(['12 bytes', '1.5 KiB', '256 KiB', '64 MiB', '3 GiB'])
  })

  it('writes sizes for fixed-width cells with one decimal always', () => {
    expect([3, 1536, 500 * 1024 * 1024, 2 * 1024 ** 3].map((n) => formatBytes(n, 'cell'))).toEqual(['3 B', '1.5 KB', '500.0 MB', '2.0 GB'])
  })

  it('writes durations as ms, then seconds (one decimal under 10 s), then minutes', () => {
    expect([null, 840.4, 1000, 1300, 12_400, 192_000].map(formatMs)).toEqual(['', '840 ms', '1.0 s', '1.3 s', '12 s', '3.2 min'])
  })
})
