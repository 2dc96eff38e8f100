// Retry simulation says what it is doing: more attempts coming and when (a countdown), delivered, or gave up.
import { startTarget, type TargetServer } from '../helpers/target-server'
import { expect, test } from './fixtures'

let target: TargetServer
let failures = 0
test.beforeEach(async () => {
  target = await startTarget((_req, res) => {
    res.statusCode = failures-- > 0 ? 503 : 200
    res.end()
  })
})
test.afterEach(async () => target.close())

test('a send that fails says the next attempt is coming with a countdown, then that it was delivered', async ({ hookscope }) => {
  failures = 1
  const page = await hookscope.open()
  await page.getByTestId('view-send').click()
  await page.getByTestId('send-provider').selectOption('callpaymin')
  await page.getByTestId('target-url').fill(`${target.url}/hooks/with/a/long/path/that/the/history/row/cuts/off?tenant=acme`)
  await page.getByTestId('retry-provider').selectOption('callpaymin')
  // CallPayMin waits 30 s first: ÷10 leaves 3 s, long enough to watch the countdown run.
  await page.getByTestId('retry-compression').fill('10')
  await page.getByTestId('send-secret').fill('whsec_retry_e2e')
  await page.getByTestId('send-submit').click()
  const status = page.getByTestId('retry-status')
  await expect(status).toHaveAttribute('data-outcome', 'will-retry')
  await expect(status).toContainText(/Attempt 1 of 6 failed\. Attempt 2 in \d\.\d s/)
  const first = await status.textContent()
  await expect(status).not.toHaveText(first!)
  for (const theme of ['dark', 'light']) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click()
    await page.screenshot({ path: test.info().outputPath(`retry-countdown-${theme}.png`) })
  }
  await expect(status).toHaveAttribute('data-outcome', 'delivered', { timeout: 15_000 })
  await expect(status).toHaveText('Delivered on attempt 2 of 6.')
  await expect(page.getByTestId('retry-attempt')).toHaveCount(2)
  const url = page.getByTestId('delivery-row-url').first()
  await expect(url).toHaveAttribute('title', `${target.url}/hooks/with/a/long/path/that/the/history/row/cuts/off?tenant=acme`)
})

test('a handler that always fails: the schedule says when it gave up', async ({ hookscope }) => {
  failures = 1000
  const page = await hookscope.open()
  await page.getByTestId('view-send').click()
  await page.getByTestId('send-provider').selectOption('erzycall')
  await page.getByTestId('target-url').fill(`${target.url}/hooks`)
  await page.getByTestId('retry-provider').selectOption('erzycall')
  await page.getByTestId('retry-compression').fill('1000')
  await page.getByTestId('send-secret').fill('whsec_retry_e2e')
  await page.getByTestId('send-submit').click()
  const status = page.getByTestId('retry-status')
  await expect(status).toHaveAttribute('data-outcome', 'gave-up')
  await expect(status).toHaveText("Gave up after 4 attempts: the provider's schedule has no retry left.")
  await expect(page.getByTestId('retry-attempt')).toHaveCount(4)
  await page.screenshot({ path: test.info().outputPath('retry-gave-up.png') })
})
