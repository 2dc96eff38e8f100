import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/cli'
import { expect, test } from './fixtures'

test('the web UI carries the app icon as its favicon, allowed by its CSP', async ({ hookscope, page }) => {
  const refused: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|favicon/i.test(m.text())) refused.push(m.text())
  })
  await hookscope.open()
  const href = await page.locator('link[rel="icon"]').getAttribute('href')
  expect(href).toBeTruthy()
  const icon = await page.request.get(new URL(href!, page.url()).href)
  expect(icon.status()).toBe(200)
  expect(icon.headers()['content-type']).toContain('image/svg+xml')
  // The same image as the window and the installers (resources/icon.svg, copied by `npm run icons`).
  expect(await icon.text()).toBe(readFileSync(join(ROOT, 'resources/icon.svg'), 'utf8'))
  // The browser fetches it itself too; a CSP refusal would be logged as an error.
  const loaded = await page.evaluate(async (url) => {
    const img = new Image()
    img.src = url
    await img.decode()
    return img.naturalWidth > 0
  }, href!)
  expect(loaded).toBe(true)
  expect(refused).toEqual([])
})
