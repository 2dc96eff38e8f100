// The prefix-expansion rewrite of search-as-you-type must find exactly what FTS5's own prefix query
// finds, newest first, for words with one, several, accented or no matching tokens.
import { afterEach, describe, expect, it } from 'vitest'
import { toFtsQuery } from '../../src/main/engine/store/fts-query'
import { PrefixExpander } from '../../src/main/engine/store/fts-prefix'
import type { NewRequest } from '../../src/main/engine/store/rows'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { newRequest } from '../helpers/rows'
import { send } from '../helpers/http'

const BODIES = [
  'refund issued for invoice 42',
  'Refunded twice, customer angry',
  'refunds are pending',
  'Réfund with an accent',
  'no match here',
  'the referee called',
  'REFUND in capitals and refundable',
  'café crème',
  '日本語のテキスト refund',
  'x'.repeat(10) + ' r1 r2 r3'
]

describe('search as you type (prefix expansion)', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it('returns the same rows in the same order as the plain FTS5 prefix query', async () => {
    t = await startTestEngine()
    for (let round = 0; round < 3; round++) {
      for (const [i, body] of BODIES.entries()) await send(`${t.url}/p/${round}/${i}`, { body, headers: { 'content-type': 'text/plain' } })
    }
    t.engine.flushIndex()
    const plain = t.engine.db.prepare(
      `SELECT r.id FROM requests_fts f JOIN requests r ON r.id = f.rowid WHERE requests_fts MATCH ? ORDER BY f.rowid DESC LIMIT 200`
    )
    for (const typed of ['ref', 'refund', 'REFUN', 'réf', 'caf', 'invoice 4', 'customer ang', 'r', 'nothingmatches', '日本', 'x']) {
      const expected = (plain.all(toFtsQuery(typed)) as { id: number }[]).map((r) => r.id)
      const got = t.engine.requests.list({ search: typed }).items.map((i) => i.id)
      expect(got, typed).toEqual(expected)
    }
    expect(t.engine.requests.list({ search: 'refun' }).items.length).toBe(3 * 6)
    // The rewrite is really used: the prefix became the index's own tokens.
    expect(new PrefixExpander(t.engine.db).expand('"caf"*')).toBe('"cafe"')
    // (Other tokens starting with 4 come from the Host header's port, so only the shape is fixed.)
    expect(new PrefixExpander(t.engine.db).expand('"invoice" "4"*')).toMatch(/^"invoice" AND \((?:"4\w*" OR )*"42"(?: OR "4\w*")*\)$/)
  })
})

describe('search sees what was just acknowledged', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  const row = (path: string, word: string): NewRequest =>
    newRequest(path, `{"note":"${word}"}`, { headers: [['Content-Type', 'application/json']], contentType: 'application/json' })

  it('indexes a small backlog before searching, and reports a flood-sized one instead of stalling on it', async () => {
    t = await startTestEngine()
    // Just acknowledged, the background indexer has not run yet (it waits for a pause).
    expect((await send(`${t.url}/fresh`, { body: 'zebrafish arrived' })).status).toBe(200)
    const fresh = await t.engine.api.listRequests({ search: 'zebrafish' })
    expect(fresh.items.map((r) => r.path)).toEqual(['/fresh'])
    expect(fresh.unindexed).toBeUndefined()

    // A flood's backlog (more than a search may index on the spot): the page says how much it cannot see.
    t.engine.requests.insertMany(Array.from({ length: 2500 }, (_, i) => row(`/flood/${i}`, 'okapi')))
    const flooded = await t.engine.api.listRequests({ search: 'okapi' })
    expect(flooded.unindexed).toBe(2500)
    expect(flooded.items).toEqual([])
    // Older pages of the same search do not repeat the notice.
    expect((await t.engine.api.listRequests({ search: 'okapi', beforeId: 10 })).unindexed).toBeUndefined()
    t.engine.flushIndex()
    const caught = await t.engine.api.listRequests({ search: 'okapi', limit: 10 })
    expect(caught.unindexed).toBeUndefined()
    expect(caught.items[0].path).toBe('/flood/2499')
  })
})

