import { send } from '../helpers/http'
import { expect, test } from './fixtures'

test('deliveries appear live; opening one shows pretty JSON and headers in arrival order', async ({ hookscope }) => {
  const page = await hookscope.open()
  await expect(page.getByTestId('receiver-url')).toContainText(hookscope.receiver)
  const body = JSON.stringify({ type: 'call.ended', id: 'evt_live_1', data: { duration: 45 } })
  await send(hookscope.receiver + '/callpaymin?attempt=1', {
    headers: ['Content-Type', 'application/json', 'X-First', 'a', 'X-Second', 'b'],
    body
  })
  const row = page.getByTestId('request-row').filter({ hasText: '/callpaymin?attempt=1' })
  await expect(row).toBeVisible()
  await row.click()
  const bodyView = page.getByTestId('body-view')
  await expect(bodyView).toContainText('"type": "call.ended"')
  await expect(bodyView).toContainText('"duration": 45')
  await page.getByTestId('tab-headers').click()
  const names = await page.getByTestId('headers-view').locator('.header-name').allTextContents()
  expect(names.indexOf('X-First')).toBeLessThan(names.indexOf('X-Second'))
})

test('hostile bodies are shown as text and execute nothing', async ({ hookscope }) => {
  const page = await hookscope.open()
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const payloads = ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '{"html":"<svg onload=alert(3)>"}']
  for (const [i, body] of payloads.entries()) {
    await send(`${hookscope.receiver}/xss/${i}`, { headers: { 'Content-Type': 'text/html' }, body })
  }
  for (const [i, body] of payloads.entries()) {
    await page.getByTestId('request-row').filter({ hasText: `/xss/${i}` }).click()
    const view = page.getByTestId('body-view')
    await expect(view).toContainText(body.startsWith('{') ? '<svg onload=alert(3)>' : body)
    expect(await view.locator('img, script, svg').count()).toBe(0)
  }
  expect(dialogs).toEqual([])
  expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], svg[onload]').length)).toBe(0)
})
