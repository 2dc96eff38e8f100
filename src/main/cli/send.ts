// `hookscope send` and `hookscope replay`: a signed sample or a captured delivery to the user's handler.
import type { DeliveryRecord } from '../../shared/api/outbound'
import { Engine } from '../engine/engine'
import { hasCode } from '../../shared/errors'
import { requireProvider } from '../engine/outbound/outbound'
import { getProvider } from '../engine/providers/registry'
import { decodeSample, encodeSample } from '../engine/providers/wire'
import { CliError, printResult } from './output'
import type { Verb, VerbContext } from './verb'

async function withOpenEngine<T>(ctx: VerbContext, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = new Engine({ dbPath: ctx.dbPath, log: () => {} })
  try {
    return await fn(engine)
  } catch (error) {
    if (hasCode(error, 'invalid_input', 'not_found', 'conflict')) throw new CliError(error.message)
    throw error
  } finally {
    engine.outbound.stop()
    engine.db.close()
  }
}

function bodyOut(base64: string): { body: string } | { bodyBase64: string } {
  const bytes = Buffer.from(base64, 'base64')
  const text = bytes.toString('utf8')
  return Buffer.from(text, 'utf8').equals(bytes) ? { body: text } : { bodyBase64: base64 }
}

/** Prints the request sent and the answer received; no answer at all is an error (non-zero exit). */
function report(ctx: VerbContext, d: DeliveryRecord, signingNote: string | null = null): void {
  if (d.error) throw new CliError(d.error)
  const data = {
    delivery: d.id,
    ...(signingNote ? { signingNote } : {}),
    request: { method: d.method, url: d.targetUrl, headers: d.headers, ...bodyOut(d.bodyBase64) },
    response: { status: d.responseStatus, headers: d.responseHeaders, durationMs: d.durationMs, ...bodyOut(d.responseBodyBase64) }
  }
  printResult(ctx.json, data, () => {
    const req = Buffer.from(d.bodyBase64, 'base64').toString('utf8')
    const res = Buffer.from(d.responseBodyBase64, 'base64').toString('utf8')
    return [
      `> ${d.method} ${d.targetUrl}`,
      ...d.headers.map(([n, v]) => `> ${n}: ${v}`),
      '>',
      req,
      '',
      `< ${d.responseStatus} (${d.durationMs} ms)`,
      ...d.responseHeaders.map(([n, v]) => `< ${n}: ${v}`),
      '<',
      res
    ].join('\n')
  })
}

function requireString(value: unknown, message: string): string {
  if (typeof value !== 'string' || value === '') throw new CliError(message)
  return value
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** `--data` is merged over the sample, objects key by key, so `{"data":{"status":"failed"}}` changes one field. */
export function mergeJson(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(patch)) out[k] = mergeJson(base[k], v)
  return out
}

export const sendVerb: Verb = {
  name: 'send',
  usage: 'send --provider P --event E --to URL [--secret S] [--data JSON]',
  summary: 'send a signed sample event from the catalog to your handler',
  options: { provider: { type: 'string' }, event: { type: 'string' }, to: { type: 'string' }, secret: { type: 'string' }, data: { type: 'string' } },
  async run(ctx) {
    const provider = requireString(ctx.values.provider, 'send needs --provider, e.g. --provider callpaymin (see `hookscope providers`)')
    const event = requireString(ctx.values.event, 'send needs --event, e.g. --event call.ended')
    const to = requireString(ctx.values.to, 'send needs --to URL, e.g. --to http://localhost:3000/webhooks')
    let patch: unknown
    if (typeof ctx.values.data === 'string') {
      try {
        patch = JSON.parse(ctx.values.data)
      } catch (error) {
        throw new CliError(`--data is not valid JSON: ${(error as Error).message}`)
      }
    }
    const delivery = await withOpenEngine(ctx, async (engine) => {
      const sample = engine.outbound.sample(provider, event)
      // In the provider's wire format (form fields for Twilio); --data is merged over its fields either way.
      const wire = requireProvider(provider)
      const fields = decodeSample(wire, sample.bodyText)
      return engine.outbound.send({
        provider,
        event,
        url: to,
        method: sample.method,
        headers: sample.headers,
        bodyText: encodeSample(wire, patch === undefined ? fields : mergeJson(fields, patch)),
        sign: true,
        secret: ctx.values.secret as string | undefined
      })
    })
    // Key-pair providers: Hookscope signed with a test key pair; say which public key the handler must trust.
    const secret = ctx.values.secret as string | undefined
    const note = secret ? (getProvider(provider)?.signingNote?.(secret) ?? null) : null
    if (note && !ctx.json) process.stderr.write(`${note}\n`)
    report(ctx, delivery, note)
  }
}

export const replayVerb: Verb = {
  name: 'replay',
  usage: 'replay ID --to URL [--resign --secret S] [--provider P]',
  summary: 'resend a capture with its exact bytes and headers (Host rewritten)',
  options: { to: { type: 'string' }, resign: { type: 'boolean' }, secret: { type: 'string' }, provider: { type: 'string' } },
  async run(ctx) {
    const id = Number(ctx.positionals[0])
    if (!Number.isInteger(id) || id < 1) throw new CliError('replay needs a request id, e.g. `hookscope replay 12 --to http://localhost:3000/hook`')
    const to = requireString(ctx.values.to, 'replay needs --to URL, e.g. --to http://localhost:3000/webhooks')
    if (ctx.values.secret && !ctx.values.resign) throw new CliError('--secret is only used with --resign')
    const resign = ctx.values.resign
      ? { provider: ctx.values.provider as string | undefined, secret: ctx.values.secret as string | undefined }
      : undefined
    const delivery = await withOpenEngine(ctx, (engine) => engine.outbound.replay({ id, url: to, resign }))
    report(ctx, delivery)
  }
}
