// The Calls view and the diff of two deliveries, in the web UI against a real `hookscope serve`.
import { getProvider } from '../../src/main/engine/providers/registry'
import { send } from '../helpers/http'
import { expect, test } from './fixtures'

const OUT = process.env.SCREENS_DIR ?? 'test-results'

function deliver(receiver: string, providerId: string, body: string, path = '/hooks') {
  const headers = Object.fromEntries(getProvider(providerId)!.sign({ body: Buffer.from(body), secret: 'whsec_e2e', url: receiver + path }))
  return send(receiver + path, { headers, body })
}
const cpm = (id: string, type: string, callId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, type, created_at: '2026-01-01T00:00:00Z', data: { call_id: callId, ...extra } })

test('deliveries grouped by call: the list shows the call and its flags, the Calls view its timeline, live', async ({ hookscope, page }) => {
  await hookscope.open()
  const r = hookscope.receiver
  await deliver(r, 'callpaymin', cpm('evt_1', 'call.created', 'call_7f3a'))
  await deliver(r, 'callpaymin', cpm('evt_3', 'call.ended', 'call_7f3a', { duration_seconds: 42 }))
  await deliver(r, 'callpaymin', cpm('evt_2', 'call.started', 'call_7f3a'))
  await deliver(r, 'callpaymin', cpm('evt_3', 'call.ended', 'call_7f3a', { duration_seconds: 42 }))
  await deliver(r, 'twilio', 'CallSid=CA77&CallStatus=ringing&From=%2B1555&To=%2B1666')
  await deliver(r, 'twilio', 'CallSid=CA77&CallStatus=completed&From=%2B1555&To=%2B1666')

  const rows = page.getByTestId('request-row')
  await expect(rows).toHaveCount(6)
  // The request list: a call column on each row, the flags of that delivery.
  const started = rows.filter({ hasText: 'call.started' })
  await expect(started.getByTestId('request-call')).toContainText('call_7f3a')
  await expect(started.locator('[data-flag="out-of-order"]')).toBeVisible()
  await expect(rows.first().getByTestId('request-call')).toContainText('CA77')
  const ended = rows.filter({ hasText: 'call.ended' })
  await expect(ended.first().locator('[data-flag="duplicate"]')).toBeVisible()
  await page.screenshot({ path: `${OUT}/calls-list-dark.png` })

  // Clicking the call opens its timeline in the Calls view.
  await started.getByTestId('open-call').click()
  await expect(page.getByTestId('calls-view')).toBeVisible()
  const timeline = page.getByTestId('call-timeline')
  await expect(timeline).toHaveAttribute('data-call', 'call_7f3a')
  // Beside the list, at a readable width (it once fell into the splitter's 5 px column).
  await expect(timeline).toBeVisible()
  expect((await timeline.boundingBox())!.width).toBeGreaterThan(300)
  await expect(timeline.getByTestId('call-state')).toHaveText('call.ended')
  await expect(timeline.getByTestId('call-delivery')).toHaveCount(4)
  await expect(timeline.getByTestId('call-delivery').nth(3).getByTestId('call-repeat')).toContainText('duplicate of')
  await expect(page.getByTestId('call-row')).toHaveCount(2)
  // Column names over the rows (the delivery count was an unlabelled number).
  await expect(page.getByTestId('call-list-header')).toContainText(/provider\s*call\s*state/i)
  await page.screenshot({ path: `${OUT}/calls-view-dark.png` })

  // Live: a new call appears at the top, and a new delivery joins the open timeline.
  await deliver(r, 'voipbin', JSON.stringify({ type: 'call_created', data: { id: 'vb-live', status: 'dialing' } }))
  await expect(page.getByTestId('call-row').first()).toHaveAttribute('data-call', 'vb-live')
  await deliver(r, 'callpaymin', cpm('evt_4', 'call.billing.charged', 'call_7f3a', { amount_cents: 120 }))
  await expect(timeline.getByTestId('call-delivery')).toHaveCount(5)
  await page.getByTestId('theme-toggle').click()
  await page.screenshot({ path: `${OUT}/calls-view-light.png` })

  // Filter by provider, then open a delivery back in the inspector.
  await page.getByTestId('calls-provider').selectOption('twilio')
  await expect(page.getByTestId('call-row')).toHaveCount(1)
  await page.getByTestId('call-row').click()
  await expect(timeline).toHaveAttribute('data-call', 'CA77')
  await timeline.getByTestId('call-open-request').first().click()
  await expect(page.getByTestId('request-detail')).toContainText('/hooks')
})

test('Calls view: a provider with no calls is not "No calls yet", and the missing-final minutes can be retyped', async ({ hookscope, page }) => {
  await hookscope.open()
  await deliver(hookscope.receiver, 'callpaymin', cpm('evt_1', 'call.started', 'call_m'))
  await page.getByTestId('view-calls').click()
  await expect(page.getByTestId('call-row')).toHaveCount(1)

  await page.getByTestId('calls-provider').selectOption('topcalls')
  await expect(page.getByTestId('calls-empty').locator('h3')).toHaveText('No topcalls calls')
  await page.screenshot({ path: test.info().outputPath('calls-provider-empty.png') })
  await page.getByTestId('calls-all-providers').click()
  await expect(page.getByTestId('call-row')).toHaveCount(1)

  // Emptying the field on the way to another number: "30" over "10" stays 30, not 130.
  const minutes = page.getByTestId('missing-final-minutes')
  await minutes.click()
  await minutes.press('End')
  await minutes.press('Backspace')
  await minutes.press('Backspace')
  await expect(minutes).toHaveValue('')
  await minutes.pressSequentially('30')
  await expect(minutes).toHaveValue('30')
  await minutes.blur()
  await expect(minutes).toHaveValue('30')
  // Left empty, it shows the value in force again.
  await minutes.fill('')
  await minutes.blur()
  await expect(minutes).toHaveValue('30')
})

test('diff of two deliveries: compare a retry with the previous delivery of its event, or pick any two', async ({ hookscope, page }) => {
  await hookscope.open()
  const r = hookscope.receiver
  await deliver(r, 'callpaymin', cpm('evt_9', 'call.ended', 'call_d', { duration_seconds: 40, status: 'completed' }))
  await send(`${r}/hooks?attempt=2`, {
    headers: { 'Content-Type': 'application/json', 'X-CallPayMin-Signature': 'bad', 'X-Retry-Attempt': '2' },
    body: cpm('evt_9', 'call.ended', 'call_d', { duration_seconds: 41, recording: '<b>r.mp3</b>' })
  })
  await send(`${r}/plain`, { headers: { 'Content-Type': 'text/plain' }, body: 'line one\nline two\n' })
  const rows = page.getByTestId('request-row')
  await expect(rows).toHaveCount(3)

  // The retry (newest callpaymin row) against the previous delivery of evt_9.
  // Rows are clicked on their method cell: the call cell holds a link to the call.
  const click = (n: number, modifiers: ('Shift')[] = []) => rows.nth(n).locator('.col-method').click({ modifiers })
  await click(1)
  await page.getByTestId('compare-previous').click()
  const diff = page.getByTestId('diff-view')
  await expect(diff).toBeVisible()
  const body = page.getByTestId('diff-body-row')
  await expect(body.and(page.locator('[data-path="$.data.duration_seconds"]'))).toContainText('4041')
  await expect(body.and(page.locator('[data-path="$.data.status"]'))).toHaveAttribute('data-change', 'removed')
  // Captured content is text: the markup in a value shows as characters.
  await expect(body.and(page.locator('[data-path="$.data.recording"]'))).toContainText('<b>r.mp3</b>')
  await expect(page.getByTestId('diff-header-row').and(page.locator('[data-name="X-Retry-Attempt"]'))).toHaveAttribute('data-change', 'added')
  await expect(page.getByTestId('diff-path')).toContainText('/hooks → /hooks?attempt=2')
  await page.screenshot({ path: `${OUT}/diff-dark.png` })
  await page.getByTestId('theme-toggle').click()
  await page.screenshot({ path: `${OUT}/diff-light.png` })
  await page.getByTestId('diff-close').click()

  // The first delivery has no previous one: said quietly beside the button, not as an error banner.
  await click(2)
  await page.getByTestId('compare-previous').click()
  await expect(page.getByTestId('previous-none')).toHaveText('No earlier delivery of this event.')
  await expect(page.getByTestId('notice')).toHaveCount(0)
  await expect(diff).toHaveCount(0)

  // Compare with…: pick the first, then click the second (Esc leaves the pick, like Cancel).
  await click(0)
  await page.getByTestId('compare-with').click()
  await expect(page.getByTestId('compare-banner')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('compare-banner')).toHaveCount(0)
  await page.getByTestId('compare-with').click()
  await expect(page.getByTestId('compare-banner')).toContainText('Pick a capture to compare with')
  // It names the first pick as the list shows it (the list has no id column).
  await expect(page.getByTestId('compare-banner')).toContainText(/\(POST \/plain/)
  await click(2)
  await expect(diff).toBeVisible()
  await expect(page.getByTestId('diff-path')).toContainText('/plain → /hooks')
  await expect(page.getByTestId('compare-banner')).toHaveCount(0)

  // Shift-click compares the selected capture with the clicked one.
  await page.getByTestId('diff-close').click()
  await click(1)
  await click(2, ['Shift'])
  await expect(diff).toHaveAttribute('data-a', await rows.nth(1).getAttribute('data-id') as string)
  await expect(diff).toHaveAttribute('data-b', await rows.nth(2).getAttribute('data-id') as string)
})

test('an endpoint answer from the TwiML preset, as a template with a rule by event type', async ({ hookscope, page }) => {
  await hookscope.open()
  await page.getByTestId('view-endpoints').click()
  await page.getByTestId('endpoint-path').fill('/voice')
  await page.getByTestId('endpoint-create').click()
  const card = page.getByTestId('endpoint-card').filter({ hasText: '/voice' })
  // Twilio: the event type (call.<CallStatus>) comes from the form fields, so rules can match it.
  await card.getByTestId('endpoint-provider').selectOption('twilio')
  await card.getByTestId('endpoint-answer-toggle').click()
  await card.getByLabel('Answer preset').selectOption('twiml')
  await expect(card.getByLabel('Answer body')).toHaveValue(/<Say voice="alice">Hello from Hookscope. Call \{\{body.CallSid\}\}/)
  await card.getByTestId('answer-add-rule').click()
  await card.getByLabel('Rule 1 event type').fill('call.completed')
  await card.getByLabel('Rule 1 body').fill('<Response><Hangup/></Response>')
  await card.getByLabel('Rule 1 content type').fill('text/xml')
  // A broken template says why before it is saved.
  await card.getByLabel('Answer body').fill('<Say>{{body.CallSid</Say>')
  await expect(card.getByTestId('template-problem')).toContainText('never closed')
  await card.getByLabel('Answer preset').selectOption('twiml')
  await card.getByTestId('endpoint-answer-save').click()
  await page.screenshot({ path: `${OUT}/answer-form-dark.png` })

  const ringing = await send(`${hookscope.receiver}/voice`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'CallSid=CA5&CallStatus=ringing&From=%2B1%3C2%3E' })
  expect(ringing.body.toString()).toContain('Call CA5 from +1&lt;2&gt;.')
  const done = await send(`${hookscope.receiver}/voice`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'CallSid=CA5&CallStatus=completed' })
  expect(done.body.toString()).toBe('<Response><Hangup/></Response>')
})

test('more calls than one page: the list says so and "Show older calls" loads the next ones', async ({ hookscope, page }) => {
  await hookscope.open()
  const r = hookscope.receiver
  for (let i = 0; i < 205; i++) await deliver(r, 'callpaymin', cpm(`evt_p${i}`, 'call.created', `call_page_${String(i).padStart(3, '0')}`))
  await page.getByTestId('view-calls').click()
  await expect(page.getByTestId('call-row')).toHaveCount(200)
  await expect(page.getByTestId('calls-count')).toHaveText('200+ calls · live')
  await expect(page.getByTestId('call-row').first()).toHaveAttribute('data-call', 'call_page_204')
  await page.screenshot({ path: `${OUT}/calls-page-dark.png` })
  await page.getByTestId('calls-older').scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${OUT}/calls-older-dark.png` })
  await page.getByTestId('calls-older').click()
  await expect(page.getByTestId('call-row')).toHaveCount(205)
  await expect(page.getByTestId('call-row').last()).toHaveAttribute('data-call', 'call_page_000')
  await expect(page.getByTestId('calls-older')).toHaveCount(0)
  await expect(page.getByTestId('calls-count')).toHaveText('205 calls · live')
  // A live refresh keeps every loaded call, not only the first page.
  await deliver(r, 'callpaymin', cpm('evt_p_live', 'call.created', 'call_page_live'))
  await expect(page.getByTestId('call-row').first()).toHaveAttribute('data-call', 'call_page_live')
  await expect(page.getByTestId('call-row')).toHaveCount(206)
})
