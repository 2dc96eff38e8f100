import { afterEach, describe, expect, it } from 'vitest'
import { SCAN_WINDOW_IDS } from '../../src/main/engine/store/request-store'
import type { NewRequest } from '../../src/main/engine/store/rows'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { newRequest } from '../helpers/rows'

function row(i: number, status: number): NewRequest {
  return newRequest(`/p/${i}`, `{"n":${i}}`, { response: { status, headers: [], bodyBase64: '', delayMs: 0 } })
}

describe('filtered lists look at bounded windows of history', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it('answers an unindexed filter window by window, and paging through the windows finds every match', async () => {
    t = await startTestEngine()
    const total = SCAN_WINDOW_IDS * 2 + 500
    // Matches only at the very start of history and one in the middle.
    const rows = Array.from({ length: total }, (_, i) => row(i, i < 3 || i === SCAN_WINDOW_IDS + 7 ? 500 : 200))
    for (let i = 0; i < rows.length; i += 10_000) t.engine.requests.insertMany(rows.slice(i, i + 10_000))

    const first = t.engine.requests.list({ responseStatus: 500, limit: 50 })
    expect(first.items).toHaveLength(0) // the newest window holds no match...
    expect(first.hasMore).toBe(true) // ...but older requests remain to be looked at
    expect(first.nextBeforeId).toBe(total + 1 - SCAN_WINDOW_IDS)

    const pages = [first]
    while (pages[pages.length - 1].hasMore) {
      pages.push(t.engine.requests.list({ responseStatus: 500, limit: 50, beforeId: pages[pages.length - 1].nextBeforeId }))
    }
    const found = pages.flatMap((p) => p.items.map((i) => i.path))
    expect(found).toEqual([`/p/${SCAN_WINDOW_IDS + 7}`, '/p/2', '/p/1', '/p/0'])
    expect(pages.length).toBe(3)

    const all = t.engine.requests.listAll({ responseStatus: 500, limit: 50 })
    expect(all.items.map((i) => i.path)).toEqual(found)
    expect(all.hasMore).toBe(false)
  })

  it('keeps unfiltered and plentiful pages exactly as before', async () => {
    t = await startTestEngine()
    t.engine.requests.insertMany(Array.from({ length: 300 }, (_, i) => row(i, 200)))
    const page = t.engine.requests.list({ limit: 100 })
    expect(page.items).toHaveLength(100)
    expect(page.nextBeforeId).toBe(page.items[99].id)
    const filtered = t.engine.requests.list({ responseStatus: 200, limit: 100 })
    expect(filtered.items.map((i) => i.id)).toEqual(page.items.map((i) => i.id))
  })
})
