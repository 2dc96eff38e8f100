import Database from 'better-sqlite3'
import { send } from '../helpers/http'
import { expect, test } from './fixtures'

test.use({ serveArgs: ['--rate-limit', '2'] })

test('pin from the list and the detail; Settings shows use against the caps and refused deliveries, and saves new caps', async ({ hookscope }) => {
  const page = await hookscope.open()
  for (let i = 0; i < 2; i++) await send(`${hookscope.receiver}/keep/${i}`, { body: `{"n":${i}}` })
  const first = page.getByTestId('request-row').filter({ hasText: '/keep/0' })
  await expect(first).toBeVisible()
  const pin = first.getByTestId('pin-toggle')
  await expect(pin).toHaveAttribute('aria-pressed', 'false')
  await pin.click()
  await expect(pin).toHaveAttribute('aria-pressed', 'true')
  // Pinning is not selecting.
  await expect(page.getByTestId('detail-empty')).toBeVisible()

  await page.getByTestId('request-row').filter({ hasText: '/keep/1' }).click()
  const detailPin = page.getByTestId('pin-request')
  await expect(detailPin).toHaveText('☆ Pin')
  await detailPin.click()
  await expect(detailPin).toHaveText('★ Pinned')
  await expect(page.getByTestId('request-row').filter({ hasText: '/keep/1' }).getByTestId('pin-toggle')).toHaveAttribute('aria-pressed', 'true')

  // Beyond 2 requests per second from one client: 429, counted, not stored.
  const statuses: number[] = []
  for (let i = 0; i < 10; i++) statuses.push((await send(`${hookscope.receiver}/flood/${i}`, { body: 'x' })).status)
  const refused = statuses.filter((s) => s === 429).length
  expect(refused).toBeGreaterThan(0)

  await page.getByTestId('view-settings').click()
  const card = page.getByTestId('storage-card')
  await expect(card.getByTestId('storage-used')).toContainText('of 2.0 GB')
  await expect(card.getByTestId('storage-used')).toContainText('older than 30 days')
  await expect(card.getByTestId('storage-pruned')).toContainText('2 pinned')
  await expect(card.getByTestId('storage-refused')).toContainText(`${refused} over the rate limit (429)`)
  await expect(card.getByTestId('settings-rate-local')).toHaveValue('2')

  await card.getByTestId('settings-max-size').fill('lots')
  await card.getByTestId('storage-save').click()
  await expect(card.getByTestId('storage-message')).toContainText('Size cap (MB) must be a whole number')
  await card.getByTestId('settings-max-size').fill('500')
  await card.getByTestId('settings-max-age').fill('7')
  await card.getByTestId('storage-save').click()
  await expect(card.getByTestId('storage-used')).toContainText('of 500.0 MB')
  await expect(card.getByTestId('storage-used')).toContainText('older than 7 days')

  const db = new Database(hookscope.dbPath, { readonly: true })
  try {
    const row = db.prepare(`SELECT value FROM settings WHERE key = 'retention'`).get() as { value: string }
    expect(JSON.parse(row.value)).toEqual({ maxSizeMb: 500, maxAgeDays: 7 })
    expect((db.prepare('SELECT count(*) AS n FROM requests WHERE pinned = 1').get() as { n: number }).n).toBe(2)
  } finally {
    db.close()
  }
})
