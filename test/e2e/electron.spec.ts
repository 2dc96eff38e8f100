// The desktop app itself: start, a second launch, and quit. Needs Electron's binary, which this
// machine kind cannot download: skipped there (the logic behind each is unit-tested in test/unit).
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ROOT } from '../helpers/cli'
import { electronBinary } from '../helpers/electron'
import { send } from '../helpers/http'
import { tempDir } from '../helpers/temp'

const binary = electronBinary()
const MAIN = join(ROOT, 'out/main/index.js')

function launchArgs(dir: string) {
  return {
    args: [MAIN, '--no-sandbox', `--user-data-dir=${dir}`],
    // The app stores under HOOKSCOPE_DATA_DIR (the CLI's folder), not under --user-data-dir.
    env: { ...process.env, HOOKSCOPE_PORT: '0', HOOKSCOPE_DATA_DIR: dir }
  }
}

async function launch(dir: string): Promise<ElectronApplication> {
  return electron.launch({ executablePath: binary!, ...launchArgs(dir) })
}

test.beforeEach(() => {
  test.skip(!binary, 'No Electron binary on this machine (it downloads on first `npm start`); desktop smoke test skipped.')
})

test('the desktop window opens, is locked down and shows the receiver', async () => {
  const { dir, cleanup } = tempDir()
  const app = await launch(dir)
  try {
    const window = await app.firstWindow()
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(window.getByTestId('receiver-url')).toContainText('http://127.0.0.1:')
    // Observable consequences of contextIsolation + sandbox + no nodeIntegration, from inside the page.
    const exposed = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as { hookscope?: object }).hookscope ?? {}).sort()
    }))
    expect(exposed.require).toBe('undefined')
    expect(exposed.process).toBe('undefined')
    expect(exposed.api).toContain('listRequests')
    // Installed builds have no developer tools in the menu; this one runs unpackaged, so it does.
    const viewMenu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.find((i) => i.label === 'View')?.submenu?.items.map((i) => i.role?.toLowerCase()))
    expect(viewMenu).toContain('toggledevtools')
  } finally {
    await app.close()
    cleanup()
  }
})

test('a second launch exits and brings the first window back instead of starting a second engine', async () => {
  const { dir, cleanup } = tempDir()
  const app = await launch(dir)
  try {
    const window = await app.firstWindow()
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible()
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].minimize())
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isMinimized())).toBe(true)

    const { args, env } = launchArgs(dir)
    const second = spawn(binary!, args, { env, stdio: 'ignore' })
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve))
    expect(code).toBe(0)
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].isMinimized())).toBe(false)
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  } finally {
    await app.close()
    cleanup()
  }
})

test('quitting answers a delivery in flight, keeps it, closes the database cleanly and remembers the window', async () => {
  const { dir, cleanup } = tempDir()
  const app = await launch(dir)
  try {
    const window = await app.firstWindow()
    await expect(window.locator('[data-app-state="ready"]')).toBeVisible()
    const receiver = (await window.getByTestId('receiver-url').textContent())!.match(/http:\/\/127\.0\.0\.1:\d+/)![0]
    // Answer after ten minutes: the delivery is stored at once and still waiting when the app quits.
    await window.evaluate(async () => {
      const api = (globalThis as unknown as { hookscope: { getSettings(): Promise<{ response: Record<string, unknown> }>; updateSettings(p: unknown): Promise<unknown> } }).hookscope
      const { response } = await api.getSettings()
      await api.updateSettings({ response: { ...response, status: 202, delayMs: 600_000 } })
    })
    const answer = send(receiver + '/in-flight', { body: '{"type":"call.ended"}' })
    await expect
      .poll(() => window.evaluate(async () => (await (globalThis as unknown as { hookscope: { listRequests(q: unknown): Promise<{ items: unknown[] }> } }).hookscope.listRequests({ limit: 5 })).items.length))
      .toBe(1)

    const exited = new Promise<number | null>((resolve) => app.process().once('exit', resolve))
    await app.evaluate(({ app: electronApp }) => electronApp.quit())
    expect((await answer).status).toBe(202)
    expect(await exited).toBe(0)
  } finally {
    await app.close().catch(() => {})
  }
  try {
    const dbPath = join(dir, 'hookscope.db')
    // Every connection closed: SQLite folded the WAL back and removed it.
    expect(existsSync(`${dbPath}-wal`)).toBe(false)
    const db = new Database(dbPath, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare(`SELECT count(*) AS n FROM requests WHERE path = '/in-flight'`).get()).toEqual({ n: 1 })
    db.close()
    expect(existsSync(join(dir, 'window-state.json'))).toBe(true)
  } finally {
    cleanup()
  }
})
