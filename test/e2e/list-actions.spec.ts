// Export, import and delete beside the list say what they act on: the filtered matches or everything.
import { readFileSync } from 'node:fs'
import { send } from '../helpers/http'
import { rows } from '../helpers/inspector-page'
import { expect, test } from './fixtures'

const deliver = (receiver: string, path: string, type: string): Promise<unknown> =>
  send(receiver + path, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type }) })

test('with a filter on, export and delete act on the filtered captures only, and say so', async ({ hookscope }) => {
  const page = await hookscope.open()
  await deliver(hookscope.receiver, '/a', 'call.ended')
  await deliver(hookscope.receiver, '/b', 'call.started')
  await deliver(hookscope.receiver, '/c', 'billing.charged')
  await expect(rows(page)).toHaveCount(3)
  await expect(page.getByTestId('export-label')).toHaveText('Export all 3 requests:')
  await expect(page.getByTestId('request-count')).toHaveText('3 requests')
  await expect(page.getByTestId('clear-all')).toHaveText('Clear all')

  await page.getByTestId('filter-event').fill('billing')
  await expect(rows(page)).toHaveCount(1)
  await expect(page.getByTestId('export-label')).toHaveText('Export 1 filtered request:')
  await expect(page.getByTestId('request-count')).toHaveText('1 request matches')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
  const file = test.info().outputPath('filtered.json')
  await download.saveAs(file)
  const exported = (JSON.parse(readFileSync(file, 'utf8')) as { requests: { path: string }[] }).requests
  expect(exported.map((r) => r.path)).toEqual(['/c'])
  for (const theme of ['dark', 'light']) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click()
    await page.getByTestId('clear-all').click()
    await expect(page.getByTestId('clear-confirm')).toContainText('Delete the 1 filtered request? Captures the filters hide stay.')
    await page.screenshot({ path: test.info().outputPath(`list-actions-filtered-${theme}.png`) })
    await page.getByRole('button', { name: 'Cancel' }).click()
  }
  await expect(page.getByTestId('clear-all')).toHaveText('Delete filtered')
  await page.getByTestId('clear-all').click()
  await page.getByTestId('clear-confirm-yes').click()
  await expect(rows(page)).toHaveCount(0)
  await page.getByTestId('filter-reset').click()
  // Only the filtered one went; the others are still stored.
  await expect(rows(page)).toHaveCount(2)
  await expect(page.getByTestId('export-label')).toHaveText('Export all 2 requests:')
  await page.reload()
  await expect(rows(page)).toHaveCount(2)

  const [all] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
  await all.saveAs(file)
  expect((JSON.parse(readFileSync(file, 'utf8')) as { requests: { path: string }[] }).requests.map((r) => r.path)).toEqual(['/b', '/a'])
  await page.getByTestId('clear-all').click()
  await expect(page.getByTestId('clear-confirm')).toContainText('Delete every capture (2 requests)?')
})

test('export all covers every stored capture, not only the page the list has loaded', async ({ hookscope }) => {
  const page = await hookscope.open()
  for (let i = 0; i < 230; i++) await send(`${hookscope.receiver}/many/${i}`, { body: '' })
  await expect(page.getByTestId('export-label')).toHaveText('Export all 230 requests:')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()])
  const file = test.info().outputPath('all.json')
  await download.saveAs(file)
  expect((JSON.parse(readFileSync(file, 'utf8')) as { requests: unknown[] }).requests.length).toBe(230)
})
