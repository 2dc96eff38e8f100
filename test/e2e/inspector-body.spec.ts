// The Body tab: JSON tree, form fields, hex for binary, decoded gzip, big bodies.
import { gzipSync } from 'node:zlib'
import { send } from '../helpers/http'
import { openRequest as open } from '../helpers/inspector-page'
import { expect, test } from './fixtures'

test('a JSON body is a tree: collapsing a node hides its children, expanding shows them again', async ({ hookscope }) => {
  const page = await hookscope.open()
  const body = JSON.stringify({ type: 'call.ended', data: { duration: 45, legs: [{ to: '+1555' }] }, empty: {} })
  await send(hookscope.receiver + '/tree', { headers: { 'Content-Type': 'application/json' }, body })
  await open(page, '/tree')
  const tree = page.getByTestId('json-tree')
  await expect(tree).toContainText('"duration": 45')
  await expect(tree).toContainText('"to": "+1555"')
  const dataToggle = tree.locator('.j-line', { hasText: '"data"' }).getByTestId('json-toggle')
  await expect(dataToggle).toHaveAttribute('aria-expanded', 'true')
  await dataToggle.click()
  await expect(tree).not.toContainText('"duration"')
  await expect(tree.locator('.j-line', { hasText: '"data"' })).toContainText('2 keys')
  await dataToggle.click()
  await expect(tree).toContainText('"duration": 45')
  await page.getByTestId('json-collapse-all').click()
  // Collapse all leaves the top-level keys visible, every container closed.
  await expect(tree).not.toContainText('"duration"')
  await expect(tree).toContainText('"data": { 2 keys }')
  await page.getByTestId('json-expand-all').click()
  await expect(tree).toContainText('"to": "+1555"')
  await page.getByTestId('body-mode-text').click()
  await expect(page.getByTestId('text-view')).toHaveText(body)
})

test('a 10 MB JSON body opens with long lists paged and deep nodes collapsed', async ({ hookscope }) => {
  const page = await hookscope.open()
  const items = Array.from({ length: 60_000 }, (_, i) => ({ i, id: `evt_${i}`, data: { nested: { deep: { deeper: i } } }, pad: 'x'.repeat(100) }))
  const body = JSON.stringify({ items })
  expect(body.length).toBeGreaterThan(10 * 1024 * 1024)
  await send(hookscope.receiver + '/big', { headers: { 'Content-Type': 'application/json' }, body })
  await page.getByTestId('request-row').filter({ hasText: '/big' }).click()
  // 10 MB crosses the socket and the worker first; on a busy machine that can take a while.
  const tree = page.getByTestId('json-tree')
  await expect(tree).toContainText('60000 items', { timeout: 60_000 })
  // A list that long starts collapsed; opened, it shows a first page of one-line items and offers the rest.
  await tree.locator('.j-line', { hasText: '"items"' }).getByTestId('json-toggle').click()
  await expect(tree).toContainText('99: { 4 keys }')
  await expect(tree).not.toContainText('100: {')
  await expect(page.getByTestId('json-more')).toContainText('59,900')
  await page.getByTestId('json-more').click()
  await expect(tree).toContainText('1099: { 4 keys }')
  await tree.locator('.j-line', { hasText: /^▸1099: \{/ }).getByTestId('json-toggle').click()
  await expect(tree).toContainText('"id": "evt_1099"')
  expect(await tree.locator('.j-line').count()).toBeLessThan(20_000)
})

test('form-urlencoded fields are a table, in order, duplicates and empty values kept', async ({ hookscope }) => {
  const page = await hookscope.open()
  await send(hookscope.receiver + '/form', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'CallSid=CA1&Note=two+words%21&CallSid=CA2&Empty=&Broken=%E0%A4%A'
  })
  await open(page, '/form')
  const rows = page.getByTestId('form-view').getByTestId('pair-row')
  await expect(rows).toHaveCount(5)
  await expect(rows.nth(0)).toContainText('CallSidCA1')
  await expect(rows.nth(1)).toContainText('Notetwo words!')
  await expect(rows.nth(2)).toContainText('CallSidCA2')
  await expect(rows.nth(3)).toContainText('(empty)')
  await expect(rows.nth(4)).toContainText('%E0%A4%A')
})

test('a binary body is shown as a hex dump', async ({ hookscope }) => {
  const page = await hookscope.open()
  const bytes = Buffer.from([0x00, 0x01, 0xff, 0x41, 0x42, 0x0a, 0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0, 0x7f, 0x43])
  await send(hookscope.receiver + '/bin', { headers: { 'Content-Type': 'application/octet-stream' }, body: bytes })
  await open(page, '/bin')
  await expect(page.getByTestId('body-view')).toHaveAttribute('data-kind', 'binary')
  const lines = page.getByTestId('hex-view').locator('.hex-line')
  await expect(lines.nth(0)).toHaveText('00000000  00 01 ff 41 42 0a 89 50  4e 47 00 00 00 00 00 00  ...AB..PNG......')
  await expect(lines.nth(1)).toContainText('00000010  7f 43')
})

test('a gzip body is shown decoded, and as received on request', async ({ hookscope }) => {
  const page = await hookscope.open()
  const body = gzipSync(JSON.stringify({ compressed: 'yes', n: 7 }))
  await send(hookscope.receiver + '/gz', { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body })
  await open(page, '/gz')
  await expect(page.getByTestId('body-decoded')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('json-tree')).toContainText('"compressed": "yes"')
  await page.getByTestId('body-wire').click()
  await expect(page.getByTestId('hex-view').locator('.hex-line').first()).toContainText('00000000  1f 8b')
})

test('a body that claims gzip but is not says why in words and shows the bytes', async ({ hookscope }) => {
  const page = await hookscope.open()
  await send(hookscope.receiver + '/badgz', { headers: { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' }, body: 'plain, not gzip' })
  await open(page, '/badgz')
  await expect(page.getByTestId('body-error')).toContainText('could not be decoded')
  await expect(page.getByTestId('text-view')).toHaveText('plain, not gzip')
})
