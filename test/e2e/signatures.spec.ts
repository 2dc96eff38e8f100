import { createHmac } from 'node:crypto'
import { send } from '../helpers/http'
import { expect, test } from './fixtures'

const SECRET = 'whsec_e2e_secret_77ab'
const hex = (data: string): string => createHmac('sha256', SECRET).update(data).digest('hex')
const BODY = '{\n  "id": "evt_e2e_1",\n  "type": "call.ended",\n  "data": { "caller": "Ren\\u00e9e", "duration": 45 }\n}'

test.describe('with serve --secret', () => {
  test.use({ serveArgs: ['--secret', `callpaymin=${SECRET}`] })

  test('a valid and an invalid delivery show their badges; the invalid one explains the re-serialization', async ({ hookscope, page }) => {
    await hookscope.open()
    await send(`${hookscope.receiver}/good`, { headers: { 'Content-Type': 'application/json', 'X-CallPayMin-Signature': hex(BODY) }, body: BODY })
    await send(`${hookscope.receiver}/bad`, {
      headers: { 'Content-Type': 'application/json', 'X-CallPayMin-Signature': hex(JSON.stringify(JSON.parse(BODY))) },
      body: BODY
    })
    const good = page.getByTestId('request-row').filter({ hasText: '/good' })
    const bad = page.getByTestId('request-row').filter({ hasText: '/bad' })
    await expect(good.getByTestId('verdict-badge')).toHaveAttribute('data-status', 'valid')
    await expect(bad.getByTestId('verdict-badge')).toHaveAttribute('data-status', 'invalid')

    await bad.click()
    await page.getByTestId('tab-signature').click()
    await expect(page.getByTestId('signature-provider')).toContainText('CallPayMin')
    await expect(page.getByTestId('signature-detail')).toContainText('your framework re-serializes the body; verify the raw bytes')
    await expect(page.getByTestId('signature-signed')).toContainText('"caller": "Ren\\u00e9e"')
    await expect(page.getByTestId('signature-expected')).toHaveText(hex(BODY))
    await expect(page.getByTestId('signature-tab')).not.toContainText(SECRET)
    await page.getByTestId('signature-snippet-toggle').click()
    await expect(page.getByTestId('snippet-code')).toContainText("express.raw(")
    await expect(page.getByTestId('snippet-code')).toContainText('timingSafeEqual')
    await page.getByTestId('snippet-python').click()
    await expect(page.getByTestId('snippet-code')).toContainText('request.get_data()')
    await page.screenshot({ path: 'test-results/signatures-tab.png' })

    await good.click()
    await page.getByTestId('tab-signature').click()
    await expect(page.getByTestId('signature-matched')).toHaveText('--secret')
    await page.getByTestId('theme-toggle').click()
    await page.screenshot({ path: 'test-results/signatures-tab-light.png' })
  })
})

test('an endpoint created in the UI judges deliveries; adding its secret re-verifies them live', async ({ hookscope, page }) => {
  await hookscope.open()
  await page.getByTestId('view-endpoints').click()
  await expect(page.getByTestId('storage-note')).toContainText('0600')
  await page.getByTestId('endpoint-path').fill('/erzycall')
  await page.getByTestId('endpoint-new-provider').selectOption('erzycall')
  await page.getByTestId('endpoint-create').click()
  const card = page.getByTestId('endpoint-card').filter({ hasText: '/erzycall' })
  await expect(card).toBeVisible()

  const body = '{"event":"call.ended","timestamp":"2026-01-15T10:30:00.000Z","data":{"id":"abc123","duration":45}}'
  await send(`${hookscope.receiver}/erzycall`, {
    headers: { 'Content-Type': 'application/json', 'X-Webhook-Signature': `sha256=${hex(body)}` },
    body
  })
  await page.getByTestId('view-inspector').click()
  const row = page.getByTestId('request-row').filter({ hasText: '/erzycall' })
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-status', 'no-secret')

  await page.getByTestId('view-endpoints').click()
  await card.getByTestId('endpoint-secret-form-value').fill(SECRET)
  await card.getByTestId('endpoint-secret-form-add').click()
  await expect(card.getByTestId('secret-hint')).toHaveText('whsec_…77ab')
  await expect(page.getByTestId('endpoints-notice')).toContainText('1 stored capture re-verified')
  await expect(page.getByTestId('endpoints-view')).not.toContainText(SECRET)
  await page.screenshot({ path: 'test-results/endpoints-view.png' })

  await page.getByTestId('view-inspector').click()
  await expect(row.getByTestId('verdict-badge')).toHaveAttribute('data-status', 'valid')

  // The endpoint's own answer.
  await page.getByTestId('view-endpoints').click()
  await card.getByTestId('endpoint-answer-toggle').click()
  await card.getByTestId('endpoint-answer-status').fill('202')
  await card.getByTestId('endpoint-answer-save').click()
  await expect(card).toContainText('answers 202')
  const answered = await send(`${hookscope.receiver}/erzycall/x`, { headers: { 'Content-Type': 'application/json' }, body })
  expect(answered.status).toBe(202)
})

test('the secret field says what to paste: the format in general, the provider\'s own words where the format is not enough', async ({ hookscope, page }) => {
  await hookscope.open()
  await page.getByTestId('view-endpoints').click()
  const field = page.getByTestId('global-secret-form').locator('input[type="password"]')
  await page.getByTestId('global-secret-provider').selectOption('telnyx')
  await expect(field).toHaveAttribute('placeholder', 'public key (base64, hex or PEM)')
  await page.getByTestId('global-secret-provider').selectOption('sinch-voice')
  await expect(field).toHaveAttribute('placeholder', 'ApplicationKey:ApplicationSecret (or the secret alone)')
  await page.getByTestId('global-secret-provider').selectOption('assemblyai')
  await expect(field).toHaveAttribute('placeholder', /^Header-Name: value/)
})
