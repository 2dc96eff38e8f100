// A corpus of hostile payloads opened in the inspector: nothing executes, prototypes stay clean,
// the content is shown as text, and the page keeps answering (another row can be opened afterwards).
import type { Page } from '@playwright/test'
import { send } from '../helpers/http'
import { expect, test } from './fixtures'

const INJECTIONS = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=1</script>',
  '"><svg/onload=alert(1)>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  'javascript:alert(1)',
  '{{constructor.constructor("window.__pwned=1")()}}'
]
const RTL = 'invoice\u202Efdp.exe'

interface Payload {
  name: string
  path: string
  body: string | Buffer
  headers?: Record<string, string>
  /** Text the body view must show literally (checked on its textContent). */
  shows?: string
}

const deep = (n: number): string => '['.repeat(n) + ']'.repeat(n)
const deepObject = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n)

const CORPUS: Payload[] = [
  {
    name: 'HTML and script injection in body, path, headers and event type',
    path: '/inject/%3Cscript%3Ealert(1)%3C/script%3E?q=<img/src=x/onerror=alert(1)>',
    body: JSON.stringify({ type: INJECTIONS[0], id: INJECTIONS[1], html: INJECTIONS }),
    headers: { 'content-type': 'application/json', 'x-evil': INJECTIONS[2] },
    shows: 'onerror'
  },
  { name: 'injection as plain text', path: '/inject-text', body: INJECTIONS.join('\n'), headers: { 'content-type': 'text/html' }, shows: '<script>' },
  { name: 'RTL override characters', path: `/rtl/${encodeURIComponent(RTL)}`, body: JSON.stringify({ file: RTL, note: '\u202Bשלום\u202C \u2066x\u2069' }), headers: { 'content-type': 'application/json' } },
  { name: 'a 1 MB single-line string', path: '/long-line', body: JSON.stringify({ s: 'A'.repeat(1024 * 1024) }), headers: { 'content-type': 'application/json' } },
  { name: 'JSON arrays nested 10k levels', path: '/deep-array', body: deep(10_000), headers: { 'content-type': 'application/json' } },
  { name: 'JSON objects nested 10k levels', path: '/deep-object', body: deepObject(10_000), headers: { 'content-type': 'application/json' } },
  {
    name: 'huge and awkward numbers',
    path: '/numbers',
    body: '{"big":123456789012345678901234567890,"inf":1e400,"tiny":1e-400,"negzero":-0,"prec":0.1000000000000000055511151231257827}',
    headers: { 'content-type': 'application/json' },
    shows: '123456789012345678901234567890'
  },
  {
    name: '__proto__ and constructor keys',
    path: '/proto',
    body: '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"toString":"nope","hasOwnProperty":1}',
    headers: { 'content-type': 'application/json' },
    shows: '__proto__'
  }
]

async function openRow(page: Page, path: string): Promise<void> {
  const row = page.locator('[data-testid="request-row"]', { hasText: path.slice(0, 12) }).first()
  await expect(row).toBeVisible()
  await row.click()
  await expect(page.locator('[data-testid="request-detail"]')).toBeVisible()
  await expect(page.locator('[data-testid="body-view"]')).toBeVisible()
  // Formatting a megabyte runs in a worker; on a busy 2-core CI box that can take longer than the default wait.
  await expect(page.locator('[data-testid="body-view"]')).not.toHaveAttribute('data-kind', 'loading', { timeout: 30_000 })
}

/**
 * Known defects in the body viewer, found by this corpus (reported to the UI owner). Each test still
 * runs and asserts; `test.fail` keeps the suite green until the fix lands, and then the test "passes
 * unexpectedly", which is the signal to delete the entry here.
 */
const KNOWN_DEFECTS: Record<string, string> = {}

for (const p of CORPUS) {
  test(`hostile payload renders as inert text, page stays responsive: ${p.name}`, async ({ hookscope }) => {
    test.fail(p.name in KNOWN_DEFECTS, KNOWN_DEFECTS[p.name])
    test.setTimeout(90_000)
    const page = await hookscope.open()
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    // A plain request to come back to afterwards: proves the page still reacts.
    await send(hookscope.receiver + '/plain-ok', { body: '{"ok":true}', headers: { 'content-type': 'application/json' } })
    const res = await send(hookscope.receiver + p.path, { body: p.body, headers: p.headers })
    expect(res.status).toBe(200)

    await openRow(page, p.path)
    const view = page.locator('[data-testid="body-view"]')
    if (p.shows) await expect(view).toContainText(p.shows)
    // Nothing from the payload became markup in the list or the detail pane.
    const markup = ':is(img, iframe, script, object, embed, svg[onload])'
    expect(await page.locator(`[data-testid="request-detail"] ${markup}, [data-testid="request-list"] ${markup}`).count()).toBe(0)
    // Still responsive: another request opens and shows its body.
    await openRow(page, '/plain-ok')
    await expect(view).toContainText('ok')

    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      polluted: ({} as Record<string, unknown>).polluted ?? null,
      title: document.title
    }))
    expect(state).toEqual({ pwned: null, polluted: null, title: 'Hookscope' })
    expect(dialogs).toEqual([])
  })
}

test('injected markup in the event type and path and the RTL override are listed literally as text', async ({ hookscope }) => {
  const page = await hookscope.open()
  for (const p of CORPUS.filter((c) => c.path.startsWith('/inject/') || c.path.startsWith('/rtl/'))) {
    await send(hookscope.receiver + p.path, { body: p.body, headers: p.headers })
  }
  // The event type column shows the injected markup as characters (the path arrives percent-encoded).
  await expect(page.locator('[data-testid="request-row"]', { hasText: INJECTIONS[0] })).toHaveCount(1)
  await expect(page.locator('[data-testid="request-row"]', { hasText: '?q=%3Cimg/src=x/onerror=alert(1)%3E' })).toHaveCount(1)
  await expect(page.locator('[data-testid="request-row"]', { hasText: `/rtl/${encodeURIComponent(RTL)}` })).toHaveCount(1)
  expect(await page.locator('[data-testid="request-list"] :is(img, script, iframe)').count()).toBe(0)
})
