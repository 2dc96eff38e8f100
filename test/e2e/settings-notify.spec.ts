// The opt-in notification for failed verifications: off by default, saved in the database, and said
// plainly to be a desktop-app feature in the browser UI (which cannot show system notifications).
import { send } from '../helpers/http'
import { expect, test } from './fixtures'

test('the failed-verification notification is off by default, is remembered, and says it is desktop-only in the browser', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-settings').click()
  const toggle = page.getByTestId('settings-notify-failed')
  await expect(toggle).not.toBeChecked()
  await expect(page.getByTestId('settings-notify-hint')).toContainText('Desktop app only')
  await toggle.check()
  await expect(toggle).toBeChecked()
  await expect(toggle).toHaveAttribute('data-saved', 'true')
  if (process.env.HOOKSCOPE_SCREENSHOT) {
    await page.screenshot({ path: `${process.env.HOOKSCOPE_SCREENSHOT}-dark.png`, clip: { x: 0, y: 0, width: 800, height: 380 } })
    await page.getByTestId('theme-toggle').click()
    await page.mouse.click(1000, 600)
    await page.screenshot({ path: `${process.env.HOOKSCOPE_SCREENSHOT}-light.png`, clip: { x: 0, y: 0, width: 800, height: 380 } })
  }
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByTestId('view-settings').click()
  await expect(page.getByTestId('settings-notify-failed')).toBeChecked()
})

test('Settings: the stored-requests count follows deliveries while the view is open', async ({ hookscope }) => {
  const page = await hookscope.open()
  await send(`${hookscope.receiver}/one`, { body: '1' })
  await page.getByTestId('view-settings').click()
  await expect(page.getByTestId('settings-stored')).toHaveText('1')
  await send(`${hookscope.receiver}/two`, { body: '2' })
  await expect(page.getByTestId('settings-stored')).toHaveText('2')
})
