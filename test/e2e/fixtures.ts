import { test as base, expect, type Page } from '@playwright/test'
import { join } from 'node:path'
import { startServe, type RunningServe } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

export interface Hookscope {
  serve: RunningServe
  receiver: string
  dbPath: string
  /** Opens the web UI and waits until the app says it is ready. */
  open: () => Promise<Page>
}

/** Each test gets its own `hookscope serve --ui` process on a fresh database. */
export const test = base.extend<{ hookscope: Hookscope; serveArgs: string[] }>({
  serveArgs: [[], { option: true }],
  hookscope: async ({ page, serveArgs }, use) => {
    const { dir, cleanup } = tempDir()
    const dbPath = join(dir, 'hookscope.db')
    const serve = await startServe(['--port', '0', '--ui', '--db', dbPath, ...serveArgs])
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await use({
      serve,
      receiver: serve.info.receiver,
      dbPath,
      open: async () => {
        await page.goto(serve.info.ui!)
        await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
        return page
      }
    })
    await serve.stop()
    cleanup()
    expect(errors, 'uncaught errors in the page').toEqual([])
  }
})

export { expect }
