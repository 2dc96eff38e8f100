import { readFileSync } from 'node:fs'
import { validateHar } from '../../src/main/engine/outbound/har'
import { getProvider } from '../../src/main/engine/providers/registry'
import { send } from '../helpers/http'
import { deadPort, startTarget, type TargetServer } from '../helpers/target-server'
import { expect, test } from './fixtures'

let target: TargetServer
test.beforeEach(async () => {
  target = await startTarget((req, res) => {
    res.writeHead(201, { 'Content-Type': 'application/json', 'X-Handler': 'local' })
    res.end(JSON.stringify({ handled: req.url, bytes: req.body.length }))
  })
})
test.afterEach(async () => target.close())

test('replays a capture to a local handler and shows its answer next to the request', async ({ hookscope }) => {
  const page = await hookscope.open()
  const body = JSON.stringify({ type: 'call.ended', id: 'evt_replay_1' })
  await send(hookscope.receiver + '/callpaymin/in', { headers: ['Content-Type', 'application/json', 'X-Trace', 't1'], body })
  await page.getByTestId('request-row').filter({ hasText: '/callpaymin/in' }).click()
  await page.getByTestId('tab-replay').click()
  await page.getByTestId('target-url').fill(target.url + '/webhooks/cpm')
  await page.getByTestId('replay-send').click()

  await expect(page.getByTestId('delivery-status')).toHaveText('201')
  await expect(page.getByTestId('delivery-answer-body')).toContainText('"handled": "/webhooks/cpm"')
  await expect(page.getByTestId('delivery-answer-headers')).toContainText('X-Handler: local')
  await expect(page.getByTestId('delivery-sent-headers')).toContainText('X-Trace: t1')
  await expect(page.getByTestId('delivery-row')).toHaveCount(1)
  // The same 24-hour clock with milliseconds as the capture list (it was "9:03:16 AM" here).
  await expect(page.getByTestId('delivery-time')).toHaveText(/^\d{1,2}:\d{2}:\d{2}\.\d{3}$/)
  const seen = await target.waitFor(1)
  expect(seen.body.toString()).toBe(body)

  // A dead target: a clear message on that attempt, and the history keeps both.
  await page.getByTestId('target-url').fill(`http://127.0.0.2:${await deadPort()}/`)
  await page.getByTestId('replay-send').click()
  await expect(page.getByTestId('delivery-error')).toContainText('Connection refused')
  await expect(page.getByTestId('delivery-row')).toHaveCount(2)
})

test('composes a CallPayMin call.ended, signs and sends it, and shows the handler answer', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-send').click()
  await page.getByTestId('send-provider').selectOption('callpaymin')
  await page.getByTestId('send-event').selectOption('call.ended')
  await expect(page.getByTestId('send-body')).toContainText('"type": "call.ended"')
  await page.getByTestId('target-url').fill(target.url + '/hooks/callpaymin')
  await page.getByTestId('send-secret').fill('e2e_secret')
  await page.getByTestId('send-submit').click()

  await expect(page.getByTestId('delivery-status')).toHaveText('201')
  await expect(page.getByTestId('delivery-answer-body')).toContainText('"handled": "/hooks/callpaymin"')
  const seen = await target.waitFor(1)
  const verdict = getProvider('callpaymin')!.verify(
    { method: seen.method, path: seen.url, headers: seen.rawHeaders, body: seen.body, contentEncoding: null, receivedAt: Date.now() },
    [{ label: 'e2e', value: 'e2e_secret' }],
    Date.now()
  )
  expect(verdict.verdict.status).toBe('valid')
  expect(JSON.parse(seen.body.toString()).type).toBe('call.ended')
  await page.screenshot({ path: 'test-results/outbound-send.png' })
})

test('a form body (Twilio) is shown as plain text, not coloured as JSON with the digits of its ids as numbers', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-send').click()
  await page.getByTestId('send-provider').selectOption('twilio')
  await expect(page.getByTestId('send-body')).toContainText('CallSid=CA')
  await page.getByTestId('target-url').fill(target.url + '/twilio/status')
  await page.getByTestId('send-secret').fill('twilio_token')
  await page.getByTestId('send-submit').click()
  await expect(page.getByTestId('delivery-status')).toHaveText('201')
  const sent = page.getByTestId('delivery-sent-body')
  await expect(sent).toContainText('CallSid=CA')
  // Highlighted tokens are spans inside a line; plain text has none. The JSON answer beside it does.
  await expect(sent.locator('.cm-line span')).toHaveCount(0)
  await expect(page.getByTestId('delivery-answer-body').locator('.cm-line span').first()).toBeVisible()
})

test('exports the captures as a HAR file from beside the list and imports it back', async ({ hookscope }) => {
  const page = await hookscope.open()
  await send(hookscope.receiver + '/har/one', { headers: ['Content-Type', 'application/json'], body: '{"type":"call.ended","id":"evt_har"}' })
  await expect(page.getByTestId('request-row').filter({ hasText: '/har/one' })).toHaveCount(1)
  await expect(page.getByTestId('export-label')).toHaveText('Export all 1 request:')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-har').click()])
  const file = test.info().outputPath('export.har')
  await download.saveAs(file)
  const har = JSON.parse(readFileSync(file, 'utf8'))
  expect(validateHar(har)).toEqual([])
  expect(har.log.entries.map((e: { request: { url: string } }) => new URL(e.request.url).pathname)).toEqual(['/har/one'])

  // Its own capture brought back into the same database is recognised, not stored twice.
  await page.getByTestId('import-har-file').setInputFiles(file)
  await expect(page.getByTestId('export-import-message')).toHaveText('Nothing new in export.har; 1 already imported, skipped.')
  await expect(page.getByTestId('request-row').filter({ hasText: '/har/one' })).toHaveCount(1)

  // An entry from three days ago lands on top (stored last) but its time column says which day it was.
  const old = Date.now() - 3 * 86_400_000
  har.log.entries[0].startedDateTime = new Date(old).toISOString()
  har.log.entries[0].request.url = har.log.entries[0].request.url.replace('/har/one', '/har/old')
  await page.getByTestId('import-har-file').setInputFiles({ name: 'old.har', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(har)) })
  const time = page.getByTestId('request-row').filter({ hasText: '/har/old' }).locator('.col-time')
  const day = await page.evaluate((ms) => new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }).format(ms), old)
  await expect(time).toContainText(day)
  expect(await time.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)

  // An empty file is refused in words, not "Invalid input for importHar at text: Too small…".
  await page.getByTestId('import-har-file').setInputFiles({ name: 'empty.har', mimeType: 'application/json', buffer: Buffer.alloc(0) })
  await expect(page.getByTestId('export-import-message')).toHaveText('This file is empty, so not a HAR file.')
})

test('a forwarding rule sends live deliveries to the handler and shows its answer', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-forward').click()
  await page.getByTestId('rule-targetUrl').fill(target.url + '/fw')
  await page.getByTestId('rule-eventType').fill('call.ended')
  await page.getByTestId('rule-add').click()
  await expect(page.getByTestId('rule-row')).toHaveCount(1)
  await send(hookscope.receiver + '/cpm', { headers: ['Content-Type', 'application/json'], body: '{"type":"call.started"}' })
  await send(hookscope.receiver + '/cpm', { headers: ['Content-Type', 'application/json'], body: '{"type":"call.ended"}' })
  await expect(page.getByTestId('delivery-row')).toHaveCount(1)
  await expect(page.getByTestId('delivery-status')).toHaveText('201')
  await expect(page.getByTestId('delivery-answer-body')).toContainText('"handled": "/fw"')
  expect((await target.waitFor(1)).body.toString()).toBe('{"type":"call.ended"}')
  expect(target.seen).toHaveLength(1)
})
