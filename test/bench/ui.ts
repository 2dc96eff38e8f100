// The inspector UI at scale, in Chromium against web mode (`hookscope serve --ui`):
//  1. 100k stored requests: scroll the whole list (pages load as it scrolls), then select rows;
//  2. a burst of 1,000 deliveries/s for 10 s arriving live while the user clicks around.
// Long tasks come from PerformanceObserver('longtask'); frame times from a requestAnimationFrame loop.
// `npm run bench ui [N] [rate] [seconds]`.
import { chromium, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS } from '../../playwright.config'
import { openDatabase } from '../../src/main/engine/store/db'
import { FtsIndexer } from '../../src/main/engine/store/indexer'
import { RequestStore } from '../../src/main/engine/store/request-store'
import type { NewRequest } from '../../src/main/engine/store/rows'
import { startServe } from '../helpers/cli'
import { storedRow } from './store'
import { fmt, median, percentile, ROOT, sampleBody } from './util'

interface Window {
  frames: number[]
  longTasks: number[]
}

/** Starts recording frame intervals and long tasks in the page; returns a reader that resets them. */
async function instrument(page: Page): Promise<() => Promise<Window>> {
  // In-page code is passed as text: this file is type-checked for Node, without the DOM library.
  await page.evaluate(`(() => {
    window.__perf = { frames: [], longTasks: [] }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__perf.longTasks.push(e.duration)
    }).observe({ type: 'longtask', buffered: false })
    let last = performance.now()
    const tick = (now) => {
      window.__perf.frames.push(now - last)
      last = now
      requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })()`)
  return () => page.evaluate(`(() => { const out = window.__perf; window.__perf = { frames: [], longTasks: [] }; return out })()`)
}

function describeWindow(name: string, w: Window): string {
  const f = w.frames
  const slow = f.filter((d) => d > 50).length
  const lt = w.longTasks
  return (
    `  ${name}: frames p50 ${fmt(median(f))} ms, p95 ${fmt(percentile(f, 95))} ms, p99 ${fmt(percentile(f, 99))} ms, ` +
    `max ${fmt(Math.max(...f))} ms, ${slow}/${f.length} frames over 50 ms; long tasks ${lt.length} ` +
    `(total ${fmt(lt.reduce((a, b) => a + b, 0), 0)} ms, longest ${fmt(lt.length ? Math.max(...lt) : 0, 0)} ms)`
  )
}

function describeClicks(ms: number[]): string {
  const done = ms.filter(Number.isFinite)
  const failed = ms.length - done.length
  return `median ${fmt(median(done), 0)} ms, max ${fmt(Math.max(...done), 0)} ms${failed ? `, ${failed} not shown within 15 s` : ''}`
}

/** Fills a database with `n` realistic stored requests, already indexed (as a long-used install). */
function prepare(dbPath: string, n: number): void {
  const db = openDatabase(dbPath)
  const store = new RequestStore(db)
  const start = Date.now() - n * 10
  for (let i = 0; i < n; i += 10_000) {
    const batch: NewRequest[] = []
    for (let j = i; j < Math.min(n, i + 10_000); j++) batch.push(storedRow(j, start))
    store.insertMany(batch)
  }
  new FtsIndexer(db).drain()
  db.close()
}

/** Sends `rate` deliveries per second for `seconds`, paced every 10 ms; resolves with counts. */
async function burst(receiver: string, rate: number, seconds: number): Promise<{ sent: number; ok: number; lateMs: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  const body = sampleBody(7)
  let sent = 0
  let ok = 0
  const inflight: Promise<void>[] = []
  const started = performance.now()
  const perTick = rate / 100
  for (let tick = 0; tick < seconds * 100; tick++) {
    const due = started + tick * 10
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    for (let k = 0; k < perTick; k++) {
      sent++
      inflight.push(
        new Promise<void>((resolve) => {
          const req = request(`${receiver}/burst/${sent}`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
            res.resume()
            res.on('end', () => {
              if (res.statusCode === 200) ok++
              resolve()
            })
          })
          req.on('error', () => resolve())
          req.end(body)
        })
      )
    }
  }
  const lateMs = performance.now() - started - seconds * 1000
  await Promise.all(inflight)
  agent.destroy()
  return { sent, ok, lateMs }
}

/** Clicks rows and measures click → detail pane showing that request. */
async function selectLatencies(page: Page, count: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < count; i++) {
    // Pin the row by id: during a burst new rows push the list down between lookup and click.
    const id = await page.locator('[data-testid="request-row"]').nth(3 + (i % 15)).getAttribute('data-id')
    const t0 = performance.now()
    try {
      await page.locator(`[data-testid="request-row"][data-id="${id}"]`).click({ timeout: 15_000 })
      await page.locator(`[data-testid="request-detail"][data-id="${id}"]`).waitFor({ timeout: 15_000 })
      out.push(performance.now() - t0)
    } catch {
      out.push(Number.POSITIVE_INFINITY)
    }
  }
  return out
}

export async function uiBench(args: string[]): Promise<boolean> {
  const n = Number(args[0] ?? 100_000)
  const rate = Number(args[1] ?? 1000)
  const seconds = Number(args[2] ?? 10)
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    console.log('ui: building the renderer first')
    execFileSync('flock', ['/tmp/hookscope-build.lock', 'npx', 'electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
  }
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-ui-bench-'))
  const dbPath = join(dir, 'hookscope.db')
  let ok = true
  try {
    const p0 = performance.now()
    prepare(dbPath, n)
    console.log(`ui: ${n.toLocaleString('en')} stored requests prepared in ${fmt((performance.now() - p0) / 1000)} s; Chromium ${CHROMIUM_ARGS.includes('--headless') ? 'headless' : ''}, 1400x860`)
    const serve = await startServe(['--db', dbPath, '--port', '0', '--ui'])
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } })
      const errors: string[] = []
      page.on('pageerror', (e) => errors.push(e.message))
      const l0 = performance.now()
      await page.goto(serve.info.ui!)
      await page.locator('[data-app-state="ready"]').waitFor()
      await page.locator('[data-testid="request-row"]').first().waitFor()
      console.log(`  first rows shown ${fmt(performance.now() - l0, 0)} ms after navigation`)
      const read = await instrument(page)

      // 1. Scroll to the very end of the list; pages of 200 load as the bottom comes near.
      const s0 = performance.now()
      const scrolled = await page.evaluate<number>(`(async () => {
        const el = document.querySelector('.request-list-scroll')
        const deadline = performance.now() + 180000
        let rows = 0
        while (performance.now() < deadline) {
          el.scrollTop += 4000
          await new Promise((r) => requestAnimationFrame(r))
          rows = Math.round(el.scrollHeight / 26)
          if (rows >= ${n} && el.scrollTop + el.clientHeight >= el.scrollHeight - 2) break
        }
        return rows
      })()`)
      const scrollS = (performance.now() - s0) / 1000
      console.log(`  scrolled through ${scrolled.toLocaleString('en')} rows in ${fmt(scrollS)} s (${fmt(scrolled / scrollS, 0)} rows/s incl. page loads)`)
      console.log(describeWindow('scroll to the end', await read()))
      if (scrolled < n) {
        ok = false
        console.log(`  MISSING: only ${scrolled} of ${n} rows reachable by scrolling`)
      }

      // Select: clicking rows and moving with the keyboard at the bottom of 100k loaded rows.
      const lat = await selectLatencies(page, 20)
      for (let i = 0; i < 100; i++) await page.keyboard.press(i % 2 ? 'ArrowUp' : 'ArrowDown')
      console.log(`  select (click → detail shown, 20 rows): ${describeClicks(lat)}`)
      console.log(describeWindow('select + 100 arrow keys', await read()))

      // 2. Back to the top, then a live burst while the user keeps clicking. Two frames let the list
      // render the top window before a row is picked (picking at once could catch the old window).
      await page.evaluate(`(async () => {
        document.querySelector('.request-list-scroll').scrollTop = 0
        for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r))
      })()`)
      await read()
      const clicks: number[] = []
      let bursting = true
      // Rows move down as arrivals land on top, so the user steps with the keyboard: key → detail of another request.
      await selectLatencies(page, 1)
      const clicking = (async () => {
        while (bursting) {
          const before = await page.locator('[data-testid="request-detail"]').getAttribute('data-id')
          const t0 = performance.now()
          await page.keyboard.press('ArrowDown')
          try {
            await page.locator(`[data-testid="request-detail"]:not([data-id="${before}"])`).waitFor({ timeout: 15_000 })
            clicks.push(performance.now() - t0)
          } catch {
            clicks.push(Number.POSITIVE_INFINITY)
          }
          await new Promise((r) => setTimeout(r, 300))
        }
      })()
      const b = await burst(serve.info.receiver, rate, seconds)
      bursting = false
      await clicking
      // The arrow keys may have scrolled to the selection; the newest arrivals are at the top.
      await page.evaluate(`document.querySelector('.request-list-scroll').scrollTop = 0`)
      await new Promise((r) => setTimeout(r, 1000))
      const lastId = Number(await page.locator('[data-testid="request-row"]').first().getAttribute('data-id'))
      console.log(
        `  burst: ${b.sent} sent at ${rate}/s for ${seconds} s (sender ${fmt(b.lateMs, 0)} ms behind schedule), ${b.ok} acknowledged; ` +
          `newest row in the list is id ${lastId} (${lastId >= n + b.ok ? 'all arrived live' : 'NOT all shown'})`
      )
      console.log(`  arrow-key select during the burst (${clicks.length} presses, key → detail shown): ${describeClicks(clicks)}`)
      console.log(describeWindow('during the burst', await read()))
      if (errors.length) {
        ok = false
        console.log(`  page errors: ${errors.join('; ')}`)
      }
    } finally {
      await browser.close()
      await serve.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return ok
}
