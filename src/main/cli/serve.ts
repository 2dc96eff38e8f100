import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { apiInputs } from '../../shared/api'
import { Engine, DEFAULT_RECEIVER_PORT } from '../engine/engine'
import { startWebHost, type WebHost } from '../web/host'
import { HookscopeError } from '../../shared/errors'
import { prepareTunnel, tunnelOptions } from './serve-tunnel'
import type { Verb } from './verb'
import { applyLimits, limitOptions } from './serve-limits'
import { parseSecretOptions } from './secret-option'
import { callApi, type CliEngine } from './engine-access'

/**
 * The built web UI. Built (checkout or installed package), every main-process file sits in out/main
 * beside out/renderer; run from source (tsx, in development) this file is src/main/cli/serve.ts.
 */
export function rendererDir(): string {
  if (process.env.HOOKSCOPE_RENDERER_DIR) return process.env.HOOKSCOPE_RENDERER_DIR
  const besideBundle = fileURLToPath(new URL('../renderer', import.meta.url))
  if (existsSync(join(besideBundle, 'index.html'))) return besideBundle
  return fileURLToPath(new URL('../../../out/renderer', import.meta.url))
}

export function intOption(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new HookscopeError('invalid_input', `${name} takes a whole number from ${min} to ${max}`)
  return n
}

function forwardUrl(value: unknown): string | undefined {
  if (value === undefined) return undefined
  const parsed = apiInputs.saveForwardRule.shape.targetUrl.safeParse(value)
  if (!parsed.success) throw new HookscopeError('invalid_input', '--forward-to takes an http(s) URL, e.g. http://localhost:3000/webhooks')
  return parsed.data
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
    // The URL rule of the Api's forwarding rules (schema), checked before anything starts.
    const forwardTo = forwardUrl(ctx.values['forward-to'])
    const limits = limitOptions(ctx)
    const secrets = parseSecretOptions(ctx.values.secret)
    const startTunnel = prepareTunnel(ctx)
    // serve hosts the engine (start, stop, the web UI get all of it): the run-only secrets and forward
    // go in its options, like the desktop app's; its settings go through the Api like any client's.
    const engine = new Engine({ dbPath: ctx.dbPath, port, exactPort: ctx.values.port !== undefined, runOnly: { secrets, forwardTo }, log: (m) => process.stderr.write(m + '\n') })
    const client: CliEngine = { api: engine.api, events: engine.events }
    if (status !== undefined || delayMs !== undefined) {
      const current = (await callApi(client, 'getSettings', undefined)).response
      await callApi(client, 'updateSettings', { response: { ...current, status: status ?? current.status, delayMs: delayMs ?? current.delayMs } })
    }
    await applyLimits(client, limits)
    // Listen for the stop signal before anything is printed: a script may send SIGTERM the moment it
    // reads the first line, and a signal with no handler yet kills the process without closing the database.
    const stopRequested = new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    })
    try {
      await engine.start()
    } catch (error) {
      // The writer thread is running: stop it, or the process would stay up after the error.
      await engine.stop()
      throw error
    }
    let web: WebHost | null = null
    if (ctx.values.ui) {
      try {
        web = await startWebHost(engine, { rendererDir: rendererDir(), port: uiPort })
      } catch (error) {
        // The receiver is already listening: stop it, or the process would stay up after the error.
        await engine.stop()
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
        throw new HookscopeError('unavailable', `--ui-port ${uiPort} is taken by another program. Choose another port (--ui-port 0 takes any free one).`)
      }
    }

    const info = { receiver: engine.receiverUrl, tunnel: startTunnel ? await startTunnel(client) : null, ui: web?.url ?? null, db: ctx.dbPath }
    if (ctx.json) process.stdout.write(JSON.stringify(info) + '\n')
    else {
      process.stdout.write(`Hookscope receiver listening on ${info.receiver}\n`)
      if (info.ui) process.stdout.write(`Inspector UI: ${info.ui}\n`)
      process.stdout.write(`Captures stored in ${ctx.dbPath}. Ctrl+C to stop.\n`)
    }

    await stopRequested
    await web?.close()
    await engine.stop()
  }
}
