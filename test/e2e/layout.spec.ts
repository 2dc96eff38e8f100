// Layout defects a first hour turns up: a fixed list/detail split, a time column lost at 1024 px, a
// clipped select, the Send target borrowed from Replay, and a tunnel server that could not go back.
import { send } from '../helpers/http'
import { closedPort } from '../helpers/tunnel-server'
import { startTarget, type TargetServer } from '../helpers/target-server'
import { rows } from '../helpers/inspector-page'
import { expect, test } from './fixtures'

test.describe('at 1024 px', () => {
  test.use({ viewport: { width: 1024, height: 700 } })

  test('every row keeps its time column inside the list', async ({ hookscope }) => {
    const page = await hookscope.open()
    await send(hookscope.receiver + '/callpaymin/a/rather/long/path/to/see/it/ellipsised', { headers: { 'Content-Type': 'application/json' }, body: '{"type":"call.ended"}' })
    const row = rows(page).first()
    await expect(row).toBeVisible()
    const pane = (await page.getByTestId('list-pane').boundingBox())!
    for (const col of ['.col-time', '.col-status', '.col-verdict', '.col-method']) {
      const box = (await row.locator(col).boundingBox())!
      expect(box, col).not.toBeNull()
      expect(box.x + box.width, `${col} ends inside the list`).toBeLessThanOrEqual(pane.x + pane.width)
      expect(box.width, `${col} has room`).toBeGreaterThan(20)
    }
    // The time is fully shown, not cut by an ellipsis.
    const time = row.locator('.col-time')
    expect(await time.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    await expect(page.locator('.request-list-header .col-time')).toBeVisible()
    // The top bar fits too: its last control is inside the window.
    const toggle = (await page.getByTestId('theme-toggle').boundingBox())!
    expect(toggle.x + toggle.width).toBeLessThanOrEqual(1024)
    // ... and the receiver URL is readable whole (with the tunnel off), not "http://1…".
    await expect(page.getByTestId('receiver-url')).toHaveText(hookscope.receiver)
    expect(await page.getByTestId('receiver-url').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
    for (const theme of ['dark', 'light']) {
      if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click()
      await page.screenshot({ path: test.info().outputPath(`layout-1024-${theme}.png`) })
    }
  })
})

test('the list/detail split can be dragged and with the keyboard, and is remembered', async ({ hookscope }) => {
  const page = await hookscope.open()
  const width = async (): Promise<number> => (await page.getByTestId('list-pane').boundingBox())!.width
  const before = await width()
  const splitter = page.getByTestId('list-splitter')
  const box = (await splitter.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(box.x - 200, box.y + 200, { steps: 5 })
  await page.mouse.up()
  const dragged = await width()
  expect(Math.abs(dragged - (before - 200 - box.width / 2))).toBeLessThan(4)
  await splitter.focus()
  await page.keyboard.press('ArrowRight')
  await expect.poll(width).toBeGreaterThan(dragged)
  const chosen = await width()
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  expect(await width()).toBeCloseTo(chosen, 0)
  // The detail keeps room whatever is dragged.
  await page.mouse.move((await splitter.boundingBox())!.x + 2, 300)
  await page.mouse.down()
  await page.mouse.move(2000, 300, { steps: 3 })
  await page.mouse.up()
  const viewport = page.viewportSize()!
  expect(await width()).toBeLessThanOrEqual(viewport.width - 360)
  await splitter.dblclick()
  await expect.poll(width).toBeCloseTo(before, 0)
})

test('no select or text field in the forge, send and endpoint views clips its text', async ({ hookscope }) => {
  const page = await hookscope.open()
  for (const view of ['forge', 'send', 'endpoints', 'settings', 'inspector']) {
    await page.getByTestId(`view-${view}`).click()
    await expect(page.locator('select, input').first()).toBeVisible()
    const clipped = await page.locator('select:visible, input:visible:not([type=checkbox]):not([type=radio]):not([type=file])').evaluateAll((els) =>
      els
        .map((el) => {
          const s = getComputedStyle(el)
          const content = el.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)
          const line = s.lineHeight === 'normal' ? parseFloat(s.fontSize) * 1.2 : parseFloat(s.lineHeight)
          return { id: el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.outerHTML.slice(0, 60), content, line }
        })
        .filter((f) => f.content + 0.5 < Math.min(f.line, 16))
    )
    expect(clipped, `${view}: fields whose text box is shorter than a line`).toEqual([])
  }
  await page.getByTestId('view-forge').click()
  await page.screenshot({ path: test.info().outputPath('layout-forge.png') })
})

test.describe('targets', () => {
  let target: TargetServer
  test.beforeEach(async () => {
    target = await startTarget((_r, res) => res.end('ok'))
  })
  test.afterEach(async () => target.close())

  test('Send and Replay each remember their own target', async ({ hookscope }) => {
    const page = await hookscope.open()
    await send(hookscope.receiver + '/r', { headers: { 'Content-Type': 'application/json' }, body: '{"type":"call.ended"}' })
    await rows(page).first().click()
    await page.getByTestId('tab-replay').click()
    await page.getByTestId('target-url').fill(`${target.url}/replayed`)
    await page.getByTestId('replay-send').click()
    await expect(page.getByTestId('delivery-status')).toHaveText('200')

    await page.getByTestId('view-send').click()
    await expect(page.getByTestId('target-url')).toHaveValue('')
    await page.getByTestId('send-provider').selectOption('voipbin')
    await page.getByTestId('target-url').fill(`${target.url}/sent`)
    await page.getByTestId('send-submit').click()
    await expect(page.getByTestId('delivery-status')).toHaveText('200')

    await page.reload()
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await rows(page).first().click()
    await page.getByTestId('tab-replay').click()
    await expect(page.getByTestId('target-url')).toHaveValue(`${target.url}/replayed`)
    await page.getByTestId('view-send').click()
    await expect(page.getByTestId('target-url')).toHaveValue(`${target.url}/sent`)
  })
})

test('the tunnel server field goes back to the default server', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('tunnel-toggle').click()
  const host = page.getByTestId('tunnel-host')
  await expect(host).toHaveValue('')
  await expect(host).toHaveAttribute('placeholder', 'https://localtunnel.me (default)')
  await expect(page.getByTestId('tunnel-host-default')).toHaveCount(0)
  const nowhere = `http://127.0.0.1:${await closedPort()}`
  await host.fill(nowhere)
  await page.getByTestId('tunnel-start').click()
  await expect(page.getByTestId('tunnel-status')).toHaveText('Offline')
  await page.getByTestId('tunnel-stop').click()
  await expect(page.getByTestId('tunnel-status')).toHaveText('Tunnel off')
  // Reopened, the panel shows the server in use; "Use default" empties the field (empty is the default).
  await page.keyboard.press('Escape')
  await page.getByTestId('tunnel-toggle').click()
  await expect(host).toHaveValue(nowhere)
  await page.getByTestId('tunnel-host-default').click()
  await expect(host).toHaveValue('')
  await expect(page.getByTestId('tunnel-panel')).toContainText('Empty: the public server https://localtunnel.me.')
  for (const theme of ['dark', 'light']) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) {
      await page.keyboard.press('Escape')
      await page.getByTestId('theme-toggle').click()
      await page.getByTestId('tunnel-toggle').click()
      await host.fill(nowhere)
    }
    await page.screenshot({ path: test.info().outputPath(`layout-tunnel-${theme}.png`) })
  }
})
