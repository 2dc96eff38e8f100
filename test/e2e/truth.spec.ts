// Issue 12 (engine half): what the UI says matches what happened — forwarding patterns and counts, Twilio
// samples as form fields, the Signature tab's expected value, answer times with a delay, HAR re-imports,
// forge verdicts and Cancel. Screenshots go to SCREENS_DIR (outside the repo by default).
import { createHmac } from 'node:crypto'
import { createServer as createTcpServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import type { RunningHandler } from '../fixtures/handlers/listen'
import { startNoVerifyNode } from '../fixtures/handlers/noverify-node'
import { send } from '../helpers/http'
import { expect, test } from './fixtures'

const OUT = process.env.SCREENS_DIR ?? '/tmp'
const SECRET_1 = 'cpm_e2e_secret_one_1111'
const SECRET_2 = 'cpm_e2e_secret_two_2222'

async function bothThemes(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}/truth-engine-${name}-dark.png` })
  await page.getByTestId('theme-toggle').click()
  await page.screenshot({ path: `${OUT}/truth-engine-${name}-light.png` })
  await page.getByTestId('theme-toggle').click()
}

/** Accepts connections and never answers. */
async function hangingServer(): Promise<{ url: string; close: () => void }> {
  const sockets = new Set<Socket>()
  const server: Server = createTcpServer((s) => {
    sockets.add(s)
    s.on('error', () => {})
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    close: () => {
      for (const s of sockets) s.destroy()
      server.close()
    }
  }
}

test('Forwarding: call.* matches, the rule counts its matches; a pattern that cannot match is refused, a typo warned about', async ({ hookscope }) => {
  const page = await hookscope.open()
  const target = await hangingServer()
  try {
    await page.getByTestId('view-forward').click()
    await page.getByTestId('rule-targetUrl').fill(target.url)
    await page.getByTestId('rule-eventType').fill('call ended')
    await page.getByTestId('rule-add').click()
    await expect(page.getByTestId('rule-error')).toContainText('can never match')
    await page.getByTestId('rule-eventType').fill('call.endd')
    await page.getByTestId('rule-add').click()
    await expect(page.getByTestId('rule-warning')).toContainText('check the spelling')
    await page.getByTestId('rule-targetUrl').fill(target.url)
    await page.getByTestId('rule-eventType').fill('call.*')
    await page.getByTestId('rule-add').click()
    const callRule = page.getByTestId('rule-row').filter({ hasText: 'call.*' })
    await expect(callRule.getByTestId('rule-matched')).toHaveText('never')
    for (const type of ['call.started', 'call.ended', 'invoice.paid']) await send(`${hookscope.receiver}/cpm`, { body: JSON.stringify({ type }) })
    await expect(callRule.getByTestId('rule-matched')).toContainText(/^2 · last \d+ s ago$/)
    await expect(page.getByTestId('rule-row').filter({ hasText: 'call.endd' }).getByTestId('rule-matched')).toHaveText('never')
    await bothThemes(page, 'forwarding')
  } finally {
    target.close()
  }
})

test('Send: the Twilio sample is form fields and the inspector shows one row per field; Cancel stops a hanging send and a hanging replay', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-send').click()
  await page.getByTestId('send-provider').selectOption('twilio')
  await page.getByTestId('send-event').selectOption('call.completed')
  await expect(page.getByTestId('send-body')).toContainText('AccountSid=AC')
  await expect(page.getByTestId('send-body')).not.toContainText('{')
  await bothThemes(page, 'send-twilio')
  await page.getByTestId('target-url').fill(`${hookscope.receiver}/twilio/status`)
  await page.getByTestId('send-secret').fill('twilio_token_e2e')
  await page.getByTestId('send-submit').click()
  await expect(page.getByTestId('delivery-status')).toContainText('200')
  await page.getByTestId('view-inspector').click()
  await page.getByTestId('request-row').filter({ hasText: '/twilio/status' }).click()
  await page.getByTestId('tab-body').click()
  const form = page.getByTestId('form-view')
  await expect(form).toContainText('AccountSid')
  await expect(form).toContainText('CallStatus')
  expect(await form.locator('tr').count()).toBeGreaterThan(6)
  await bothThemes(page, 'twilio-form')

  const hang = await hangingServer()
  try {
    await page.getByTestId('view-send').click()
    await page.getByTestId('send-provider').selectOption('callpaymin')
    await page.getByTestId('target-url').fill(hang.url)
    await page.getByTestId('send-secret').fill(SECRET_1)
    await page.getByTestId('send-submit').click()
    await expect(page.getByTestId('send-submit')).toHaveText('Waiting for the answer…')
    await page.screenshot({ path: `${OUT}/truth-engine-send-waiting-dark.png` })
    await page.getByTestId('send-cancel').click()
    await expect(page.getByTestId('delivery-error')).toContainText(/Cancelled after .* before 127\.0\.0\.1:\d+ answered/)
    await expect(page.getByTestId('send-cancel')).toHaveCount(0)

    // A replay to the same hanging handler is cancelled the same way.
    await page.getByTestId('view-inspector').click()
    await page.getByTestId('request-row').filter({ hasText: '/twilio/status' }).click()
    await page.getByTestId('tab-replay').click()
    await page.getByTestId('target-url').fill(hang.url)
    await page.getByTestId('replay-send').click()
    await expect(page.getByTestId('replay-send')).toHaveText('Waiting for the answer…')
    await page.screenshot({ path: `${OUT}/truth-engine-replay-waiting-dark.png` })
    await page.getByTestId('replay-cancel').click()
    await expect(page.getByTestId('delivery-error')).toContainText(/Cancelled after .* before 127\.0\.0\.1:\d+ answered/)
    await expect(page.getByTestId('replay-cancel')).toHaveCount(0)
    await expect(page.getByTestId('replay-send')).toHaveText('Replay')
  } finally {
    hang.close()
  }
})

test.describe('with two secrets and a delayed 503 answer', () => {
  test.use({ serveArgs: ['--secret', `callpaymin=${SECRET_1}`, '--secret', `callpaymin=${SECRET_2}`, '--respond', '503', '--delay', '300'] })

  test('Signature tab: expected is computed with the secret the sentence names; the answer time includes the delay', async ({ hookscope }) => {
    const page = await hookscope.open()
    const raw = '{ "id": "evt_e2e", "type": "call.ended", "data": { "seconds": 42 } }'
    const reserialized = JSON.stringify(JSON.parse(raw))
    const hmac = (secret: string, body: string): string => createHmac('sha256', secret).update(body).digest('hex')
    // Signed (by mistake) over the re-serialized JSON with the second secret.
    const answer = await send(`${hookscope.receiver}/callpaymin`, {
      headers: ['Content-Type', 'application/json', 'X-CallPayMin-Signature', hmac(SECRET_2, reserialized)],
      body: raw
    })
    expect(answer.status).toBe(503)
    await page.getByTestId('request-row').first().click()
    await expect(page.getByTestId('summary-duration')).toContainText(/in \d+ ms \(300 ms delay\)/)
    const ms = Number((await page.getByTestId('summary-duration').innerText()).match(/in (\d+) ms/)![1])
    expect(ms).toBeGreaterThanOrEqual(300)
    await page.getByTestId('tab-signature').click()
    await expect(page.getByTestId('signature-detail')).toContainText('secret "--secret 2"')
    await expect(page.getByTestId('signature-expected-secret')).toContainText('with secret "--secret 2"')
    await expect(page.getByTestId('signature-expected')).toHaveText(hmac(SECRET_2, raw))
    await bothThemes(page, 'signature')
  })
})

test('HAR import twice: the second says the entries were already imported', async ({ hookscope }) => {
  const page = await hookscope.open()
  const entry = (n: number) => ({
    startedDateTime: new Date(Date.UTC(2026, 0, 1, 12, 0, n)).toISOString(),
    time: 3,
    request: { method: 'POST', url: `http://example.test/cpm`, httpVersion: 'HTTP/1.1', cookies: [], headers: [{ name: 'Content-Type', value: 'application/json' }], queryString: [], postData: { mimeType: 'application/json', text: `{"type":"call.ended","id":"evt_${n}"}` }, headersSize: -1, bodySize: 30 },
    response: { status: 200, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: 0 },
    cache: {},
    timings: { send: 0, wait: 3, receive: 0 }
  })
  const har = JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: [entry(1), entry(2)] } })
  // Import lives beside the request list (the inspector, where the app opens).
  const file = { name: 'calls.har', mimeType: 'application/json', buffer: Buffer.from(har) }
  await page.getByTestId('import-har-file').setInputFiles(file)
  await expect(page.getByTestId('export-import-message')).toHaveText('Imported 2 requests from calls.har.')
  await page.getByTestId('import-har-file').setInputFiles(file)
  await expect(page.getByTestId('export-import-message')).toHaveText('Nothing new in calls.har; 2 already imported, skipped.')
  // Newest first, like everything else: the entry from 12:00:02 above the one from 12:00:01.
  const rows = page.getByTestId('request-row')
  await expect(rows).toHaveCount(2)
  await rows.first().click()
  await expect(page.getByTestId('tab-body')).toBeVisible()
  await page.getByTestId('tab-raw').click()
  await expect(page.getByTestId('raw-view')).toContainText('"evt_2"')
})

test.describe('forge', () => {
  let handler: RunningHandler
  test.beforeEach(async () => {
    handler = await startNoVerifyNode()
  })
  test.afterEach(async () => handler.close())

  test('a handler that never verifies fails: score at most 50 and the card leads with why', async ({ hookscope }) => {
    const page = await hookscope.open()
    await page.getByTestId('view-forge').click()
    await page.getByTestId('forge-target').fill(handler.url)
    await page.getByTestId('forge-provider').selectOption('callpaymin')
    await page.getByTestId('forge-secret').fill(SECRET_1)
    await page.getByTestId('forge-run').click()
    await expect(page.getByTestId('forge-headline')).toContainText('accepted forged deliveries', { timeout: 30_000 })
    const score = Number((await page.getByTestId('forge-score').innerText()).replace(/\/100$/, '').trim())
    expect(score).toBeLessThanOrEqual(50)
    await expect(page.getByTestId('forge-score')).toHaveClass(/forge-score-bad/)
    await bothThemes(page, 'forge-failed')
  })

  test('against a hanging target: live "check 1 of N", Cancel, a cancelled report', async ({ hookscope }) => {
    const page = await hookscope.open()
    const hang = await hangingServer()
    try {
      await page.getByTestId('view-forge').click()
      await page.getByTestId('forge-target').fill(hang.url)
      await page.getByTestId('forge-secret').fill(SECRET_1)
      await page.getByTestId('forge-run').click()
      await expect(page.getByTestId('forge-current')).toContainText(/check 1 of \d+: Valid delivery · waiting for an answer to “valid”/)
      await expect(page.getByTestId('forge-current')).toContainText(/\(\d+ s\)/)
      await bothThemes(page, 'forge-running')
      await page.getByTestId('forge-cancel').click()
      await expect(page.getByTestId('forge-report')).toContainText(/Cancelled after 0 of \d+ checks/)
      await expect(page.getByTestId('forge-progress')).toHaveCount(0)
    } finally {
      hang.close()
    }
  })
})
