// First launch and endpoint cards tell the truth: where providers must deliver, copyable URLs, live
// capture counts, a labelled answer, and a delete that can be undone without losing secrets.
import { getProvider } from '../../src/main/engine/providers/registry'
import { send } from '../helpers/http'
import { startTunnelServer, type TunnelServer } from '../helpers/tunnel-server'
import { expect, test } from './fixtures'

const SECRET = 'whsec_cards_secret_9f2c'

async function createEndpoint(page: import('@playwright/test').Page, path: string, secret?: string): Promise<import('@playwright/test').Locator> {
  await page.getByTestId('view-endpoints').click()
  await page.getByTestId('endpoint-path').fill(path)
  await page.getByTestId('endpoint-new-provider').selectOption('callpaymin')
  await page.getByTestId('endpoint-create').click()
  const card = page.getByTestId('endpoint-card').filter({ has: page.locator(`.ep-path:text-is("${path}")`) })
  await expect(card).toBeVisible()
  if (secret) {
    await card.getByTestId('endpoint-secret-form-value').fill(secret)
    await card.getByTestId('endpoint-secret-form-add').click()
    await expect(card.getByTestId('secret-hint')).toHaveCount(1)
  }
  return card
}

test('first launch says cloud providers need the tunnel, opens it, and the receiver URL can be copied', async ({ hookscope, context }) => {
  const page = await hookscope.open()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin })
  await expect(page.getByTestId('empty-tunnel-hint')).toContainText('Cloud providers need the tunnel')
  await page.getByTestId('empty-open-tunnel').click()
  await expect(page.getByTestId('tunnel-panel')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.getByTestId('receiver-copy').click()
  await expect(page.getByTestId('receiver-copy')).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(hookscope.receiver)
  for (const theme of ['dark', 'light']) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click()
    await page.screenshot({ path: test.info().outputPath(`first-launch-${theme}.png`) })
  }
})

test('an endpoint card shows its full local URL with copy, its capture count live, and a labelled answer', async ({ hookscope, context }) => {
  const page = await hookscope.open()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin })
  const card = await createEndpoint(page, '/callpaymin')
  await expect(card.getByTestId('endpoint-url')).toHaveText(`${hookscope.receiver}/callpaymin`)
  await expect(card.getByTestId('endpoint-url-row')).toContainText('Local URL')
  await card.getByTestId('endpoint-url-copy').click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${hookscope.receiver}/callpaymin`)

  await expect(card.getByTestId('endpoint-meta')).toContainText('0 captures')
  await send(`${hookscope.receiver}/callpaymin`, { headers: { 'Content-Type': 'application/json' }, body: '{"type":"call.ended"}' })
  await expect(card.getByTestId('endpoint-meta')).toContainText('1 capture ·')
  await send(`${hookscope.receiver}/callpaymin/sub`, { body: '{}' })
  await send(`${hookscope.receiver}/elsewhere`, { body: '{}' })
  await expect(card.getByTestId('endpoint-meta')).toContainText('2 captures')

  await card.getByTestId('endpoint-answer-toggle').click()
  const form = card.getByTestId('endpoint-answer-form')
  await expect(form.getByLabel('Status')).toHaveValue('200')
  await expect(form.getByLabel('Delay (ms)')).toHaveValue('0')
  await expect(form.getByLabel('Body')).toHaveValue('{"received":true}')
  await form.getByLabel('Status').fill('503')
  await form.getByLabel('Delay (ms)').fill('1500')
  await card.getByTestId('endpoint-answer-save').click()
  await expect(card.getByTestId('endpoint-meta')).toContainText('answers 503 after a 1,500 ms delay')
  await page.screenshot({ path: test.info().outputPath('endpoint-answer-form.png') })

  // Deleting captures lowers the count too.
  await page.getByTestId('view-inspector').click()
  await page.getByTestId('clear-all').click()
  await page.getByTestId('clear-confirm-yes').click()
  await page.getByTestId('view-endpoints').click()
  await expect(card.getByTestId('endpoint-meta')).toContainText('0 captures')
  for (const theme of ['dark', 'light']) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click()
    await page.screenshot({ path: test.info().outputPath(`endpoint-card-${theme}.png`), fullPage: true })
  }
})

test('deleting an endpoint can be undone with its secrets; without undo it is really deleted', async ({ hookscope }) => {
  const page = await hookscope.open()
  const card = await createEndpoint(page, '/keepme', SECRET)
  await card.getByTestId('endpoint-delete').click()
  await expect(card).toHaveCount(0)
  const toast = page.getByTestId('undo-toast')
  await expect(toast).toContainText('/keepme and its secret will be deleted in')
  await page.screenshot({ path: test.info().outputPath('endpoint-undo-toast.png') })
  await toast.getByTestId('undo-delete').click()
  await expect(toast).toHaveCount(0)
  await expect(card.getByTestId('secret-hint')).toHaveText('whsec_…9f2c')
  // Still there for the engine too: a reload shows it with its secret.
  await page.reload()
  await page.getByTestId('view-endpoints').click()
  await expect(card.getByTestId('secret-hint')).toHaveText('whsec_…9f2c')

  // "Delete now" deletes at once.
  await card.getByTestId('endpoint-delete').click()
  await toast.getByTestId('delete-now').click()
  await expect(toast).toHaveCount(0)
  await page.reload()
  await page.getByTestId('view-endpoints').click()
  await expect(page.getByTestId('endpoints-view')).toContainText('No endpoints yet.')

  // Re-creating the path while its delete waits: the old one goes at once, the new one has no secret.
  await createEndpoint(page, '/again', SECRET)
  await page.getByTestId('endpoint-card').filter({ hasText: '/again' }).getByTestId('endpoint-delete').click()
  const again = await createEndpoint(page, '/again')
  await expect(again.getByTestId('secret-hint')).toHaveCount(0)
  await expect(toast).toHaveCount(0)
  await page.getByTestId('endpoint-card').filter({ hasText: '/again' }).getByTestId('endpoint-delete').click()
  await toast.getByTestId('delete-now').click()

  // Left alone, the toast counts down and the endpoint is deleted when it ends.
  const other = await createEndpoint(page, '/goes', SECRET)
  await other.getByTestId('endpoint-delete').click()
  await expect(toast.getByTestId('undo-countdown')).toHaveText(/^(10|9|8) s$/)
  await expect(toast).toHaveCount(0, { timeout: 20_000 })
  await page.reload()
  await page.getByTestId('view-endpoints').click()
  await expect(page.getByTestId('endpoints-view')).toContainText('No endpoints yet.')
})

test.describe('with the tunnel online', () => {
  let server: TunnelServer
  test.beforeAll(async () => {
    server = await startTunnelServer()
  })
  test.afterAll(async () => server.kill())
  test.use({ serveArgs: [] })

  test('endpoint cards and the first-launch hint give the public URL', async ({ hookscope }) => {
    const page = await hookscope.open()
    await page.getByTestId('tunnel-toggle').click()
    await page.getByTestId('tunnel-host').fill(server.host)
    await page.getByTestId('tunnel-subdomain').fill('e2ecards')
    await page.getByTestId('tunnel-start').click()
    await expect(page.getByTestId('tunnel-status')).toHaveText('Online')
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('empty-tunnel-hint')).toContainText('http://e2ecards.lt.localhost')
    const card = await createEndpoint(page, '/callpaymin')
    await expect(card.getByTestId('endpoint-url-row')).toContainText('Public URL')
    await expect(card.getByTestId('endpoint-url')).toHaveText('http://e2ecards.lt.localhost/callpaymin')
  })
})

test('after a rotation the card marks the secret verification really tries first (the newest)', async ({ hookscope }) => {
  const page = await hookscope.open()
  const card = await createEndpoint(page, '/rotate')
  for (const [label, value] of [['previous', 'whsec_previous_secret_0001'], ['current', 'whsec_current_secret_0002']]) {
    await card.getByLabel('Secret label').fill(label)
    await card.getByTestId('endpoint-secret-form-value').fill(value)
    await card.getByTestId('endpoint-secret-form-add').click()
  }
  await expect(card.getByTestId('secret-hint')).toHaveCount(2)
  await expect(card.locator('.ep-secret').first()).toContainText('current')
  await expect(card.locator('.ep-secret', { hasText: 'tried first' })).toContainText('current')

  // The engine agrees: a delivery signed with the previous secret is valid "not the first secret, current".
  const body = JSON.stringify({ id: 'evt_rot', type: 'call.ended', data: { call_id: 'c_rot' } })
  const headers = Object.fromEntries(getProvider('callpaymin')!.sign({ body: Buffer.from(body), secret: 'whsec_previous_secret_0001' }))
  await send(`${hookscope.receiver}/rotate`, { headers: { 'Content-Type': 'application/json', ...headers }, body })
  await page.getByTestId('view-inspector').click()
  await page.getByTestId('request-row').filter({ hasText: '/rotate' }).click()
  await page.getByTestId('tab-signature').click()
  await expect(page.getByTestId('signature-tab')).toContainText('not the first secret, "current"')
})

test('input the engine refuses is explained in words, not "Invalid input for createEndpoint at response.status: Too small…"', async ({ hookscope }) => {
  const page = await hookscope.open()
  await page.getByTestId('view-endpoints').click()
  const error = page.getByTestId('endpoints-error')
  await page.getByTestId('endpoint-path').fill('/a b')
  await page.getByTestId('endpoint-create').click()
  await expect(error).toHaveText('An endpoint path starts with / and has no spaces, ? or #.')
  await page.getByTestId('endpoint-path').fill('/fine')
  await page.getByLabel('Answer status').fill('99')
  await page.getByTestId('endpoint-create').click()
  await expect(error).toHaveText('An answer status is a number from 100 to 599.')

  await page.getByTestId('view-send').click()
  await page.getByTestId('target-url').fill('http://127.0.0.1:9/hook')
  await page.getByTestId('send-method').fill('')
  await page.getByTestId('send-submit').click()
  await expect(page.getByTestId('send-error')).toHaveText('A method is letters only, e.g. POST.')
})
