// Opening a 10 MB JSON body in the inspector (Chromium against `hookscope serve --ui`): the longest
// main-thread block while it opens, against the naive way (JSON.parse + pretty-print on the main
// thread) timed in the same page with the same text. A benchmark prints figures; it is not a test.
// A second reference isolates the transport: the same page fetching the same capture over its own
// WebSocket (readBody chunks, no UI code), which shows how much of the block the formatting does not cause.
// `npx tsx test/bench/json-body.ts` (after `npm run build`).
import { chromium, type Page } from '@playwright/test'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS } from '../../playwright.config'
import { startServe } from '../helpers/cli'
import { send } from '../helpers/http'
import { fmt, median } from './util'

/** The few browser globals the in-page functions use (this file compiles without the DOM library). */
interface Browser {
  sessionStorage: { getItem(key: string): string | null }
  location: { host: string }
  WebSocket: new (url: string) => {
    addEventListener(type: string, cb: (m: { data: unknown }) => void, o?: { once: boolean }): void
    send(data: string): void
    close(): void
  }
  PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => { observe(o: { type: string }): void }
  __longest: number
  __keep: number
}

/** Runs `action` and returns the longest main-thread task (ms) the page saw meanwhile. */
async function longestTask(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = globalThis as unknown as Browser
    w.__longest = 0
    new w.PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration)
    }).observe({ type: 'longtask' })
  })
  await action()
  await page.waitForTimeout(300) // let the observer deliver the last entries
  return page.evaluate(() => (globalThis as unknown as Browser).__longest)
}

/** The longest block while the page only fetches capture `id` over the web-mode socket and parses it. */
async function transportOnly(page: Page, id: number): Promise<number> {
  return longestTask(page, () =>
    page.evaluate(async (captureId) => {
      const w = globalThis as unknown as Browser
      const ws = new w.WebSocket(`ws://${w.location.host}/ws?token=${w.sessionStorage.getItem('hookscope-token')}`)
      await new Promise<void>((resolve) => ws.addEventListener('open', () => resolve(), { once: true }))
      // The body in 768 KiB chunks (readBody), as the inspector reads it, without any UI work.
      const chunk = 768 * 1024
      let kept = 0
      for (let offset = 0, total = Infinity, n = 1; offset < total; offset += chunk, n++) {
        const text = await new Promise<string>((resolve) => {
          ws.addEventListener('message', (m) => resolve(String(m.data)), { once: true })
          ws.send(JSON.stringify({ id: n, method: 'readBody', input: { id: captureId, offset, length: chunk } }))
        })
        const reply = JSON.parse(text) as { ok: boolean; result?: { base64: string; total: number } }
        total = reply.result?.total ?? 0
        kept += reply.result?.base64.length ?? 0
      }
      w.__keep = kept
      ws.close()
    }, id)
  )
}

async function main(): Promise<void> {
  const rounds = 3
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-jsonbench-'))
  const serve = await startServe(['--port', '0', '--ui', '--db', join(dir, 'hookscope.db')])
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const big = JSON.stringify({
    items: Array.from({ length: 60_000 }, (_, i) => ({ i, id: `evt_${i}`, data: { nested: { deep: i } }, pad: 'x'.repeat(100) }))
  })
  console.log(`body: ${(big.length / 1024 / 1024).toFixed(1)} MiB of JSON, 60,000 items`)
  const ours: number[] = []
  const naive: number[] = []
  const shown: number[] = []
  const transport: number[] = []
  try {
    for (let r = 0; r < rounds; r++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } })
      await page.goto(serve.info.ui!)
      await page.locator('[data-app-state="ready"]').waitFor()
      await send(`${serve.info.receiver}/big-json-${r}`, { headers: { 'Content-Type': 'application/json' }, body: big })
      const row = page.getByTestId('request-row').filter({ hasText: `/big-json-${r}` })
      await row.waitFor()
      const started = Date.now()
      ours.push(
        await longestTask(page, async () => {
          await row.click()
          await page.getByTestId('json-tree').getByText('60000 items').waitFor()
          shown.push(Date.now() - started)
        })
      )
      // The naive way blocks for exactly as long as it runs, so it is timed directly.
      naive.push(
        await page.evaluate((text) => {
          const t = performance.now()
          const pretty = JSON.stringify(JSON.parse(text), null, 2)
          ;(globalThis as unknown as Browser).__keep = pretty.length
          return performance.now() - t
        }, big)
      )
      transport.push(await transportOnly(page, r + 1))
      await page.close()
    }
  } finally {
    await browser.close()
    await serve.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  console.log(`inspector: tree shown after ${fmt(median(shown), 0)} ms (fetch over the socket + worker parse), longest main-thread block ${fmt(median(ours), 0)} ms (median of ${rounds})`)
  console.log(`baseline, JSON.parse + pretty-print on the main thread: blocks ${fmt(median(naive), 0)} ms`)
  console.log(`transport only (readBody chunks over the socket, no UI): longest block ${fmt(median(transport), 0)} ms`)
  console.log(`longest block, inspector / baseline: ${fmt(median(ours) / median(naive), 2)}; inspector - transport only: ${fmt(median(ours) - median(transport), 0)} ms`)
  // Wall-clock blocks stretch when the machine is busy; the load says how much to trust them.
  console.log(`load average during the run: ${loadavg().map((l) => l.toFixed(1)).join(', ')}`)
}

void main()
