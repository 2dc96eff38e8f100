// Every text in the code panes (replay Sent/Answer, edit-and-resend, Send) meets WCAG AA (4.5:1) in
// both themes: measured from computed colours against the background each text really sits on.
import type { Page } from '@playwright/test'
import { measureContrast } from './contrast-measure'
import { send } from '../helpers/http'
import { startTarget, type TargetServer } from '../helpers/target-server'
import { expect, test } from './fixtures'

const AA = 4.5
let target: TargetServer
test.beforeEach(async () => {
  target = await startTarget((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ ok: true, failed: false, count: 3, ratio: 0.5, note: 'stored', missing: null, list: [1, 'two'] }))
  })
})
test.afterEach(async () => target.close())

async function expectReadable(page: Page, testIds: string[], label: string): Promise<void> {
  for (const id of testIds) {
    const pane = page.getByTestId(id)
    await expect(pane.locator('.cm-content')).toBeVisible()
    const texts = await measureContrast(pane)
    // The token kinds a JSON body has must all be there, or the measure proves nothing.
    expect(texts.length, `${label} ${id}: texts measured`).toBeGreaterThan(3)
    const low = texts.filter((t) => t.ratio < AA)
    expect(low, `${label} ${id}: texts below ${AA}:1`).toEqual([])
  }
}

for (const theme of ['dark', 'light'] as const) {
  test(`code panes meet WCAG AA contrast in the ${theme} theme`, async ({ hookscope }) => {
    const page = await hookscope.open()
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    const body = JSON.stringify({ type: 'call.ended', id: 'evt_c1', data: { answered: true, voicemail: false, duration: 42, cost: 0.17, tags: ['a', null] } })
    await send(hookscope.receiver + '/contrast', { headers: { 'Content-Type': 'application/json' }, body })
    await page.getByTestId('request-row').filter({ hasText: '/contrast' }).click()
    await page.getByTestId('tab-replay').click()
    await page.getByTestId('target-url').fill(target.url + '/hook')
    await page.getByTestId('replay-send').click()
    await expect(page.getByTestId('delivery-answer-body')).toContainText('"failed": false')
    await expect(page.getByTestId('delivery-sent-body')).toContainText('true')
    await expectReadable(page, ['delivery-sent-body', 'delivery-answer-body'], 'replay')
    await page.screenshot({ path: test.info().outputPath(`contrast-replay-${theme}.png`) })

    await page.getByTestId('replay-edit').click()
    await page.getByTestId('edit-body').locator('.cm-content').click()
    await expectReadable(page, ['edit-body'], 'edit and resend')
    await page.screenshot({ path: test.info().outputPath(`contrast-edit-${theme}.png`) })

    await page.getByTestId('view-send').click()
    await expect(page.getByTestId('send-body')).toContainText('"type"')
    await expectReadable(page, ['send-body'], 'send')
    await page.screenshot({ path: test.info().outputPath(`contrast-send-${theme}.png`) })
  })
}
