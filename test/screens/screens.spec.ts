import { gzipSync } from 'node:zlib'
import { send } from '../helpers/http'
import { expect, test } from '../e2e/fixtures'

const OUT = process.env.SCREENS_DIR ?? '.cache/screens'

test('inspector screenshots, dark and light', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.screenshot({ path: `${OUT}/empty-dark.png` })
  const r = hookscope.receiver
  const json = (o: unknown): string => JSON.stringify(o)
  await send(`${r}/voipbin/events`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: json({ type: 'call_updated', data: { id: 'c1', status: 'progressing' } }) })
  await send(`${r}/twilio/status`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'CallSid=CA123&CallStatus=completed&From=%2B15551234567&Duration=42' })
  await send(`${r}/upload.bin`, { headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 0xff, 0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]) })
  await send(`${r}/gz`, { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }, body: gzipSync(json({ compressed: true })) })
  await send(`${r}/health?probe=1`, { method: 'GET' })
  await send(`${r}/callpaymin/webhook?attempt=2&campaign=spring`, {
    headers: ['Content-Type', 'application/json', 'X-CallPayMin-Signature', 'a3f1c9e2b7d4', 'User-Agent', 'CallPayMin-Webhooks/2.1', 'X-Trace', 'one', 'X-Trace', 'two'],
    body: json({ id: 'evt_9f2c', type: 'call.ended', created: 1764000000, data: { call_id: 'call_123', from: '+15551234567', to: '+15557654321', duration: 45, recording: { url: 'https://example.test/r.mp3', seconds: 44 }, tags: ['sales', 'spring'], cost: 0.0213, billable: true, transcript: null } })
  })
  const row = page.getByTestId('request-row').filter({ hasText: '/callpaymin/webhook' })
  await row.click()
  await expect(page.getByTestId('json-tree')).toBeVisible()
  await page.screenshot({ path: `${OUT}/inspector-dark.png` })
  await page.getByTestId('theme-toggle').click()
  await page.screenshot({ path: `${OUT}/inspector-light.png` })
  await page.getByTestId('tab-headers').click()
  await page.screenshot({ path: `${OUT}/headers-light.png` })
  await page.getByTestId('request-row').filter({ hasText: '/upload.bin' }).click()
  await page.screenshot({ path: `${OUT}/hex-light.png` })
  await page.getByTestId('theme-toggle').click()
  await page.getByTestId('request-row').filter({ hasText: '/twilio/status' }).click()
  await page.getByTestId('tab-body').click()
  await page.screenshot({ path: `${OUT}/form-dark.png` })
  await page.getByTestId('view-settings').click()
  await page.screenshot({ path: `${OUT}/settings-dark.png` })
})

test('a search with deliveries that arrived after it', async ({ hookscope }) => {
  const page = await hookscope.open()
  const r = hookscope.receiver
  for (const n of [1, 2, 3]) await send(`${r}/callpaymin/webhook`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'call.ended', note: `refund ${n}` }) })
  await send(`${r}/other`, { body: 'nothing' })
  await page.getByTestId('search').fill('refund')
  await expect(page.getByTestId('request-row')).toHaveCount(3)
  for (const n of [4, 5]) await send(`${r}/callpaymin/webhook`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'call.ended', note: `refund ${n}` }) })
  await expect(page.getByTestId('search-notice')).toBeVisible()
  await page.screenshot({ path: `${OUT}/search-notice-dark.png` })
})

test('every view with data, dark and light (a tour to look at after any layout change)', async ({ hookscope }) => {
  const page = await hookscope.open()
  const r = hookscope.receiver
  for (const [i, type] of ['call.created', 'call.started', 'call.ended'].entries()) {
    await send(`${r}/callpaymin/webhook`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: `evt_${i}`, type, data: { call_id: 'call_tour' } }) })
  }
  await send(`${r}/twilio/status`, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'CallSid=CA9&CallStatus=ringing' })
  await expect(page.getByTestId('request-row')).toHaveCount(4)
  for (const theme of ['dark', 'light']) {
    const views = await page.locator('[data-testid^="view-"]').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('data-testid')!.slice(5)))
    for (const view of views) {
      await page.getByTestId(`view-${view}`).click()
      await page.waitForTimeout(150) // let the view's first fetch paint: these are pictures, not assertions
      await page.screenshot({ path: `${OUT}/tour-${view}-${theme}.png` })
    }
    await page.getByTestId('theme-toggle').click()
  }
  // The narrow window the layout is held to (1024 px): clipped top bars and squeezed panes show here.
  await page.setViewportSize({ width: 1024, height: 700 })
  for (const view of ['inspector', 'calls', 'send', 'forge', 'endpoints']) {
    await page.getByTestId(`view-${view}`).click()
    await page.waitForTimeout(150) // let the view's first fetch paint: these are pictures, not assertions
    await page.screenshot({ path: `${OUT}/tour-${view}-1024.png` })
  }
})
