import { _electron as electron, expect, test } from '@playwright/test'
import { join } from 'node:path'
import { ROOT } from '../helpers/cli'
import { electronBinary } from '../helpers/electron'
import { tempDir } from '../helpers/temp'

const binary = electronBinary()

test('the desktop window opens, is locked down and shows the receiver', async () => {
  test.skip(!binary, 'No Electron binary on this machine (it downloads on first `npm start`); desktop smoke test skipped.')
  const { dir, cleanup } = tempDir()
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(ROOT, 'out/main/index.js'), '--no-sandbox', `--user-data-dir=${dir}`],
    // The app stores under HOOKSCOPE_DATA_DIR (the CLI's folder), not under --user-data-dir.
    env: { ...process.env, HOOKSCOPE_PORT: '0', HOOKSCOPE_DATA_DIR: dir }
  })
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
  } finally {
    await app.close()
    cleanup()
  }
})
