// The Calls view for providers beyond the original six: a Telnyx call and a Plivo call (delivered out of
// order) group and are judged by the order their presets carry; the provider filter lists every provider
// that keeps a call id, from the registry.
import { getProvider } from '../../src/main/engine/providers/registry'
import { send } from '../helpers/http'
import { expect, test } from './fixtures'

const OUT = process.env.SCREENS_DIR ?? 'test-results'

function deliver(receiver: string, providerId: string, body: string, path = '/hooks') {
  const provider = getProvider(providerId)!
  const headers = Object.fromEntries(provider.sign({ body: Buffer.from(body), secret: provider.sampleSecret!(), url: receiver + path }))
  return send(receiver + path, { headers, body })
}

const telnyx = (id: string, type: string) =>
  JSON.stringify({ data: { event_type: type, id, occurred_at: '2026-01-01T00:00:00Z', payload: { call_control_id: 'v3:tx-call-1', call_session_id: 'sess-1', state: type }, record_type: 'event' } })
const plivo = (event: string, status: string) => `CallUUID=pl-call-9&CallStatus=${status}&Event=${event}&Direction=outbound&From=1555&To=1666`

test('Telnyx and Plivo calls are grouped and order-checked from their presets; the filter lists every provider with calls', async ({ hookscope, page }) => {
  await hookscope.open()
  const r = hookscope.receiver
  for (const [id, type] of [['e1', 'call.initiated'], ['e2', 'call.answered'], ['e3', 'call.hangup']]) await deliver(r, 'telnyx', telnyx(id, type))
  // Plivo sends its Hangup callback before the Answer URL request here: out of order.
  await deliver(r, 'plivo', plivo('Hangup', 'completed'))
  await deliver(r, 'plivo', plivo('StartApp', 'in-progress'))
  await expect(page.getByTestId('request-row')).toHaveCount(5)

  await page.getByTestId('view-calls').click()
  await expect(page.getByTestId('call-row')).toHaveCount(2)
  const filter = page.getByTestId('calls-provider')
  for (const id of ['telnyx', 'plivo', 'vonage', 'retell', 'vapi', 'twilio', 'callpaymin']) await expect(filter.locator(`option[value="${id}"]`)).toHaveCount(1)
  await expect(filter.locator('option[value="stripe"]')).toHaveCount(0)

  const plivoRow = page.locator('[data-testid="call-row"][data-call="pl-call-9"]')
  await expect(plivoRow.locator('[data-flag="out-of-order"]')).toBeVisible()
  await page.locator('[data-testid="call-row"][data-call="v3:tx-call-1"]').click()
  const timeline = page.getByTestId('call-timeline')
  await expect(timeline).toHaveAttribute('data-call', 'v3:tx-call-1')
  await expect(timeline.getByTestId('call-state')).toHaveText('call.hangup')
  await expect(timeline.getByTestId('call-delivery')).toHaveCount(3)
  // The timeline has the detail column's room, not a sliver of it.
  expect((await timeline.boundingBox())!.width).toBeGreaterThan(300)
  await page.screenshot({ path: `${OUT}/calls-providers-dark.png` })

  await filter.selectOption('plivo')
  await expect(page.getByTestId('call-row')).toHaveCount(1)
  await page.getByTestId('call-row').click()
  await expect(timeline.getByTestId('call-state')).toHaveText('Hangup')
  await page.getByTestId('theme-toggle').click()
  await page.screenshot({ path: `${OUT}/calls-providers-light.png` })
})
