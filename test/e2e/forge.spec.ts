import { readFile } from 'node:fs/promises'
import { startDocsExpress } from '../fixtures/handlers/docs-express'
import type { RunningHandler } from '../fixtures/handlers/listen'
import { expect, test } from './fixtures'

const SECRET = 'cpm_live_e2e_4f3e2d1c'
let handler: RunningHandler
test.beforeEach(async () => {
  handler = await startDocsExpress({ secret: SECRET })
})
test.afterEach(async () => handler.close())

test("forge test against the providers' sample handler: progress, report card with failed checks and advice, deliveries, export", async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-forge').click()
  await page.getByTestId('forge-target').fill(handler.url)
  await page.getByTestId('forge-provider').selectOption('callpaymin')
  await page.getByTestId('forge-secret').fill(SECRET)
  await page.getByTestId('forge-run').click()
  await expect(page.getByTestId('forge-progress')).toBeVisible()

  const report = page.getByTestId('forge-report')
  await expect(report).toBeVisible({ timeout: 30_000 })
  const row = (id: string) => page.locator(`[data-testid="forge-check"][data-check-id="${id}"]`)
  await expect(row('valid-delivery')).toHaveAttribute('data-outcome', 'pass')
  await expect(row('signature-wrong-length')).toHaveAttribute('data-outcome', 'fail')
  await expect(row('signature-wrong-length').getByTestId('forge-advice')).toContainText('timingSafeEqual')
  await expect(row('reformatted-json')).toHaveAttribute('data-outcome', 'fail')
  await expect(row('reformatted-json').getByTestId('forge-advice')).toContainText('JSON.stringify(req.body)')
  await expect(row('missing-signature')).toHaveAttribute('data-outcome', 'fail')
  await expect(row('wrong-secret')).toHaveAttribute('data-outcome', 'pass')
  const score = Number((await page.getByTestId('forge-score').innerText()).replace(/\/100$/, '').trim())
  expect(score).toBeGreaterThan(0)
  expect(score).toBeLessThan(100)

  // What was sent and what came back, then the full delivery from the delivery log.
  await row('signature-wrong-length').locator('summary').click()
  await expect(row('signature-wrong-length').getByTestId('forge-received')).toContainText('HTTP 500')
  await expect(row('signature-wrong-length').getByTestId('forge-sent')).toContainText('X-CallPayMin-Signature')
  await row('signature-wrong-length').getByTestId('forge-open-delivery').click()
  await expect(page.getByTestId('forge-delivery')).toContainText('signature-wrong-length: short signature')
  await page.screenshot({ path: 'test-results/forge-report.png', fullPage: false })
  await page.getByTestId('forge-delivery-close').click()

  // The desktop app blocks downloads, so the report can also go through the clipboard.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('forge-copy-md').click()
  await expect(page.getByRole('status').filter({ hasText: 'Copied the report as Markdown' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain('| Valid delivery, JSON formatted differently | 2xx | 401')
  // One warning (the retry burst nobody called a duplicate) is "1 warning", not "1 warnings".
  await expect(report.locator('.forge-card-title')).toContainText('· 1 warning ·')
  expect(copied).toContain(', 1 warning, ')

  const download = page.waitForEvent('download')
  await page.getByTestId('forge-export-md').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^forge-127\.0\.0\.1_\d+-.*\.md$/)
  const markdown = await readFile((await file.path())!, 'utf8')
  expect(markdown).toContain('# Forge-test report')
  expect(markdown).toContain('| Signature of the wrong length | 4xx (not 5xx) | 500')
  expect(markdown).not.toContain(SECRET)
})

test('a bad target URL is refused in words and nothing runs', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-forge').click()
  await page.getByTestId('forge-target').fill('localhost:3000/webhooks')
  await page.getByTestId('forge-secret').fill(SECRET)
  await page.getByTestId('forge-run').click()
  await expect(page.getByTestId('forge-error')).toContainText('http:// or https://')
  await expect(page.getByTestId('forge-report')).toHaveCount(0)
})
