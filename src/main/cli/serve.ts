import { fileURLToPath } from 'node:url'
import { Engine, DEFAULT_RECEIVER_PORT } from '../engine/engine'
import { startWebHost, type WebHost } from '../web/host'
import { CliError } from './output'
import { prepareTunnel, tunnelOptions } from './serve-tunnel'
import type { Verb } from './verb'
import { applyLimits, limitOptions } from './serve-limits'
import { applySecretOptions, parseSecretOptions } from './secret-option'

export function rendererDir(): string {
  return process.env.HOOKSCOPE_RENDERER_DIR ?? fileURLToPath(new URL('../../../out/renderer', import.meta.url))
}

export function intOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${name} takes a whole number from ${min} to ${max}`)
  return n
}

export const serve: Verb = {
  name: 'serve',
  usage: 'serve [--port N] [--ui] [--ui-port N] [--respond STATUS] [--delay MS] [--secret PROVIDER=SECRET]... [--tunnel] [--tunnel-host URL] [--subdomain S] [--tunnel-wait S] [--forward-to URL] [--max-size-mb N] [--max-age-days N] [--rate-limit N] [--min-free-disk-mb N]',
  summary: 'run the receiver (and optionally the web UI) headless until interrupted',
  options: {
    ...tunnelOptions,
    port: { type: 'string' },
    ui: { type: 'boolean' },
    'ui-port': { type: 'string' },
    respond: { type: 'string' },
    secret: { type: 'string', multiple: true },
    delay: { type: 'string' },
    'forward-to': { type: 'string' },
    'max-size-mb': { type: 'string' },
    'max-age-days': { type: 'string' },
    'rate-limit': { type: 'string' },
    'min-free-disk-mb': { type: 'string' }
  },
  async run(ctx) {
    const port = intOption(ctx.values.port, '--port', 0, 65535) ?? DEFAULT_RECEIVER_PORT
    const uiPort = intOption(ctx.values['ui-port'], '--ui-port', 0, 65535) ?? 0
    const status = intOption(ctx.values.respond, '--respond', 100, 599)
    const delayMs = intOption(ctx.values.delay, '--delay', 0, 600_000)
    const forwardTo = ctx.values['forward-to'] as string | undefined
    if (forwardTo !== undefined && !/^https?:\/\/[^\s/]+/i.test(forwardTo)) {
      throw new CliError('--forward-to takes an http(s) URL, e.g. http://localhost:3000/webhooks')
    }
    const limits = limitOptions(ctx)
    const secrets = parseSecretOptions(ctx.values.secret)
    const startTunnel = prepareTunnel(ctx)
    const engine = new Engine({ dbPath: ctx.dbPath, port, log: (m) => process.stderr.write(m + '\n') })
    applySecretOptions(engine, secrets)
    if (status !== undefined || delayMs !== undefined) {
      const current = engine.settings.get().response
      engine.settings.update({ response: { ...current, status: status ?? current.status, delayMs: delayMs ?? current.delayMs } })
    }
    applyLimits(engine, limits)
    if (forwardTo) engine.outbound.forwarder.addTransientRule(forwardTo)
    await engine.start()
    let web: WebHost | null = null
    if (ctx.values.ui) web = await startWebHost(engine, { rendererDir: rendererDir(), port: uiPort })

    const info = { receiver: engine.receiverUrl, tunnel: startTunnel ? await startTunnel(engine) : null, ui: web?.url ?? null, db: ctx.dbPath }
    if (ctx.json) process.stdout.write(JSON.stringify(info) + '\n')
    else {
      process.stdout.write(`Hookscope receiver listening on ${info.receiver}\n`)
      if (info.ui) process.stdout.write(`Inspector UI: ${info.ui}\n`)
      process.stdout.write(`Captures stored in ${ctx.dbPath}. Ctrl+C to stop.\n`)
    }

    await new Promise<void>((resolve) => {
      const stop = (): void => resolve()
      process.once('SIGINT', stop)
      process.once('SIGTERM', stop)
    })
    await web?.close()
    await engine.stop()
  }
}
