// A benchmark target in its own process, so the load generator never shares its event loop.
// Usage: tsx serve-target.ts bare|engine [dbPath]; prints {"port": N} on stdout, stops on SIGTERM.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Engine } from '../../src/main/engine/engine'

const [kind, dbPath] = process.argv.slice(2)

/** CPU time of the whole process (all threads) since the port line; the bench divides it by requests. */
let cpuAtReady: NodeJS.CpuUsage
const ready = (port: number): void => {
  cpuAtReady = process.cpuUsage()
  process.stdout.write(JSON.stringify({ port }) + '\n')
}
const report = (): void => {
  const cpu = process.cpuUsage(cpuAtReady)
  process.stdout.write(JSON.stringify({ cpuUs: cpu.user + cpu.system }) + '\n')
}

async function main(): Promise<void> {
  if (kind === 'bare') {
    // The baseline: reads the whole body, answers like Hookscope's default answer, stores nothing.
    const answer = Buffer.from('{"received":true}')
    const server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        Buffer.concat(chunks)
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': answer.length })
        res.end(answer)
      })
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    ready((server.address() as AddressInfo).port)
    process.once('SIGTERM', () => {
      report()
      server.close(() => process.stdout.write('', () => process.exit(0)))
    })
    return
  }
  const engine = new Engine({ dbPath, port: 0, log: (m) => process.stderr.write(m + '\n') })
  // A per-client rate limit that never refuses: the token bucket runs for every delivery (its cost).
  const rateLimit = Number(process.env.HOOKSCOPE_BENCH_RATE_LIMIT ?? 0)
  if (rateLimit > 0) engine.settings.update({ rateLimit: { tunnelPerSecond: rateLimit, localPerSecond: rateLimit } })
  await engine.start()
  ready(engine.receiver.port)
  process.once('SIGTERM', () => {
    // Measured before stop(): the shutdown flush of the index is not per-request work under load.
    report()
    void engine.stop().then(() => process.stdout.write('', () => process.exit(0)))
  })
}

void main()
