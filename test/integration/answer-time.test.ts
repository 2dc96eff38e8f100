import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import type { RequestSummary } from '../../src/shared/types'
import { ROOT, runCli } from '../helpers/cli'
import { startTestEngine, type TestEngine } from '../helpers/engine'
import { send } from '../helpers/http'

const DELAY_MS = 300
const LOCK_MS = 400
/** Takes the write lock, says so, releases it after argv[2] ms and prints when (epoch ms). */
const HOLD_LOCK = `
const db = new (require('better-sqlite3'))(process.argv[1])
db.exec('BEGIN IMMEDIATE')
console.log('locked')
setTimeout(() => { db.exec('COMMIT'); console.log(Date.now()); db.close() }, Number(process.argv[2]))
`

/** Sends one delivery and returns how long this client waited for the answer. */
async function timedSend(url: string): Promise<{ status: number; waitedMs: number }> {
  const started = performance.now()
  const res = await send(url, { body: '{"type":"call.ended"}' })
  return { status: res.status, waitedMs: performance.now() - started }
}

/** Resolves with a capture's stored answer time once it satisfies `ok` (the correction is written after the answer). */
async function storedDuration(t: TestEngine, id: number, ok: (ms: number) => boolean): Promise<number> {
  for (;;) {
    const ms = t.engine.requests.get(id)!.durationMs!
    if (ok(ms)) return ms
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('answer time: what the sender waited, delay included', () => {
  let t: TestEngine
  afterEach(async () => t?.dispose())

  it(`with a ${DELAY_MS} ms delay the stored time (and the CLI's durationMs) is at least the delay, never more than the sender waited`, async () => {
    t = await startTestEngine()
    await t.engine.api.updateSettings({ response: { status: 503, headers: [], body: 'busy', delayMs: DELAY_MS } })
    const { status, waitedMs } = await timedSend(t.url + '/slow')
    expect(status).toBe(503)
    const [capture] = t.engine.requests.list({ limit: 1 }).items
    const stored = await storedDuration(t, capture.id, () => true)
    expect(stored).toBeGreaterThanOrEqual(DELAY_MS)
    expect(stored).toBeLessThanOrEqual(waitedMs)
    const { stdout, code } = await runCli(['list', '--json', '--limit', '1', '--db', t.dbPath])
    expect(code).toBe(0)
    const [item] = JSON.parse(stdout) as { durationMs: number }[]
    expect(item.durationMs).toBeGreaterThanOrEqual(DELAY_MS)
  })

  it('a commit that waited behind another writer: the row is corrected to the real wait and the UI is told', async () => {
    t = await startTestEngine()
    const updates: RequestSummary[] = []
    // What the list is told: arrivals, and corrections of rows it already has.
    t.engine.events.subscribe((event, payload) => (event === 'requestsAdded' || event === 'requestsUpdated') && updates.push(...(payload as RequestSummary[])))
    // Another process holds the write lock for LOCK_MS; a capture that arrives meanwhile cannot commit (or be
    // answered) before the release. A process, not a connection here: the engine may write on this thread.
    // Under load the request may arrive after the release; then nothing waited, and it is tried again.
    for (let attempt = 1; ; attempt++) {
      const holder = spawn(process.execPath, ['-e', HOLD_LOCK, t.dbPath, String(LOCK_MS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
      const lines = createInterface({ input: holder.stdout! })[Symbol.asyncIterator]()
      await lines.next() // locked
      const { status, waitedMs } = await timedSend(t.url + '/held')
      const releasedAt = Number((await lines.next()).value)
      expect(status).toBe(200)
      const [capture] = t.engine.requests.list({ limit: 1 }).items
      const heldFor = releasedAt - capture.receivedAt
      if (heldFor < 50 && attempt < 3) continue
      expect(heldFor).toBeGreaterThanOrEqual(50)
      // It waited at least from its arrival to the release (1 ms for the clocks' rounding), and the row says so.
      const stored = await storedDuration(t, capture.id, (ms) => ms >= heldFor - 1)
      expect(stored).toBeLessThanOrEqual(waitedMs)
      // The list learns the corrected time: in the arrival itself when it had not gone out yet, else as an update.
      const told = (): RequestSummary | undefined => updates.filter((u) => u.id === capture.id).at(-1)
      while (told()?.durationMs !== stored) await new Promise((r) => setTimeout(r, 20))
      expect(told()!.durationMs).toBe(stored)
      return
    }
  })
})
