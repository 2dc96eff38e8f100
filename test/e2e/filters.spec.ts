// Filter inputs never lose what is typed, and the event-type filter is a prefix match that says so.
import { send } from '../helpers/http'
import { rows } from '../helpers/inspector-page'
import { expect, test } from './fixtures'

const deliver = (receiver: string, path: string, type: string): Promise<unknown> =>
  send(receiver + path, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type, data: {} }) })

test('typing into the event filter right after clearing the search keeps every keystroke', async ({ hookscope }) => {
  const page = await hookscope.open()
  await deliver(hookscope.receiver, '/a', 'call.ended')
  await deliver(hookscope.receiver, '/b', 'call.started')
  await deliver(hookscope.receiver, '/c', 'billing.charged')
  await expect(rows(page)).toHaveCount(3)
  const search = page.getByTestId('search')
  const event = page.getByTestId('filter-event')
  for (let round = 0; round < 3; round++) {
    await search.fill('call')
    await expect(rows(page)).toHaveCount(2)
    // Clear the search, then type at once (no waiting): the search's debounced reset lands mid-typing.
    await search.fill('')
    await event.pressSequentially('call.ended', { delay: 15 })
    await expect(event).toHaveValue('call.ended')
    await expect(rows(page)).toHaveCount(1)
    await expect(rows(page).first()).toContainText('call.ended')
    await expect(search).toHaveValue('')
    await event.fill('')
    await expect(rows(page)).toHaveCount(3)
  }
})

test('the event filter matches a prefix and its placeholder says so; Reset empties every input', async ({ hookscope }) => {
  const page = await hookscope.open()
  await deliver(hookscope.receiver, '/a', 'call.ended')
  await deliver(hookscope.receiver, '/b', 'call.started')
  await deliver(hookscope.receiver, '/c', 'callback.sent')
  await deliver(hookscope.receiver, '/d', 'billing.charged')
  await expect(rows(page)).toHaveCount(4)
  const event = page.getByTestId('filter-event')
  await expect(event).toHaveAttribute('placeholder', /starts with/i)
  await event.fill('call.')
  await expect(rows(page)).toHaveCount(2)
  // Live arrivals are judged by the same rule as the engine's query.
  await deliver(hookscope.receiver, '/e', 'call.ringing')
  await deliver(hookscope.receiver, '/f', 'callback.failed')
  await expect(rows(page)).toHaveCount(3)
  await expect(rows(page).first()).toContainText('call.ringing')
  await page.getByTestId('filter-status').fill('200')
  await expect(rows(page)).toHaveCount(3)
  await page.getByTestId('filter-reset').click()
  await expect(event).toHaveValue('')
  await expect(page.getByTestId('filter-status')).toHaveValue('')
  await expect(rows(page)).toHaveCount(6)
})

test('a filter typed after a Reset is still there after visiting another view', async ({ hookscope }) => {
  const page = await hookscope.open()
  await deliver(hookscope.receiver, '/a', 'call.ended')
  await deliver(hookscope.receiver, '/b', 'billing.charged')
  await expect(rows(page)).toHaveCount(2)
  const event = page.getByTestId('filter-event')
  await event.fill('billing')
  await expect(rows(page)).toHaveCount(1)
  await page.getByTestId('filter-reset').click()
  await expect(rows(page)).toHaveCount(2)
  await event.fill('call')
  await expect(rows(page)).toHaveCount(1)
  // The filter bar is mounted afresh on the way back; an earlier Reset must not empty it then.
  await page.getByTestId('view-settings').click()
  await page.getByTestId('view-inspector').click()
  await expect(page.getByTestId('filter-event')).toHaveValue('call')
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first()).toContainText('call.ended')
})

test('a search or event prefix longer than the engine takes stops at its limit instead of leaving stale rows "matching"', async ({ hookscope }) => {
  const page = await hookscope.open()
  await deliver(hookscope.receiver, '/a', 'call.ended')
  await deliver(hookscope.receiver, '/b', 'call.started')
  await expect(rows(page)).toHaveCount(2)
  await page.getByTestId('search').fill('x'.repeat(600))
  await expect(page.getByTestId('search')).toHaveValue('x'.repeat(500))
  await expect(page.getByTestId('empty-filtered')).toBeVisible()
  await expect(page.getByTestId('request-count')).toHaveText('0 requests match')
  await page.getByTestId('filter-reset').click()
  await expect(rows(page)).toHaveCount(2)
  await page.getByTestId('filter-event').fill('c'.repeat(300))
  await expect(page.getByTestId('filter-event')).toHaveValue('c'.repeat(200))
  await expect(page.getByTestId('empty-filtered')).toBeVisible()
  await expect(page.getByTestId('notice')).toHaveCount(0)
})
