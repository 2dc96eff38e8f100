// `hookscope send` and `hookscope replay`: a signed sample or a captured delivery to the user's handler.
import { HookscopeError } from '../../shared/errors'
import type { DeliveryRecord } from '../../shared/api/outbound'
import { requireProvider } from '../engine/outbound/outbound'
import { getProvider } from '../engine/providers/registry'
import { decodeSample, encodeSample } from '../engine/providers/wire'
import { callApi, usingEngine, type CliEngine, type OptionWording } from './engine-access'
import { printResult } from './output'
import type { Verb, VerbContext } from './verb'

/** send and replay open the engine with its threads, as they always have. */
function withOpenEngine<T>(ctx: VerbContext, fn: (engine: CliEngine) => Promise<T>): Promise<T> {
  return usingEngine(ctx, fn, { oneShot: false })
}

const SEND_WORDING: OptionWording = {
  url: '--to takes an http(s) URL, e.g. --to http://localhost:3000/webhooks',
  provider: '--provider takes a provider id (see `hookscope providers`)',
  event: '--event takes an event type, e.g. --event call.ended',
  secret: '--secret takes the signing secret (at most 4096 characters)',
  'resign.provider': '--provider takes a provider id (see `hookscope providers`)',
  'resign.secret': '--secret takes the signing secret (at most 4096 characters)',
  bodyText: '--data makes a body bigger than 25 MB'
}

function bodyOut(base64: string): { body: string } | { bodyBase64: string } {
  const bytes = Buffer.from(base64, 'base64')
  const text = bytes.toString('utf8')
  return Buffer.from(text, 'utf8').equals(bytes) ? { body: text } : { bodyBase64: base64 }
}

/** Prints the request sent and the answer received; no answer at all is an error (non-zero exit). */
function report(ctx: VerbContext, d: DeliveryRecord, signingNote: string | null = null): void {
  if (d.error) throw new HookscopeError('unavailable', d.error)
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
  if (typeof value !== 'string' || value === '') throw new HookscopeError('invalid_input', message)
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

/**
 * The engine's own wording ("enter its signing secret") is the app's; on the command line the way
 * is --secret. Checked only when no secret is stored for the provider (then the engine would refuse).
 */
async function requireSecret(engine: CliEngine, provider: string): Promise<void> {
  const info = getProvider(provider)
  if (!info?.signs) return
  const stored = (await callApi(engine, 'getSecretStorage', undefined)).providerSecrets.some((p) => p.provider === provider && p.secrets.length > 0)
  if (!stored) throw new HookscopeError('invalid_input', `${info.name} signs its deliveries: add --secret S (its signing secret, the one your handler verifies with), or store one for ${provider} in the app's Settings.`)
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
        throw new HookscopeError('invalid_input', `--data is not valid JSON: ${(error as Error).message}`)
      }
    }
    const delivery = await withOpenEngine(ctx, async (engine) => {
      const sample = await callApi(engine, 'sampleEvent', { provider, event }, SEND_WORDING)
      if (ctx.values.secret === undefined) await requireSecret(engine, provider)
      // In the provider's wire format (form fields for Twilio); --data is merged over its fields either way.
      const wire = requireProvider(provider)
      const fields = decodeSample(wire, sample.bodyText)
      return callApi(engine, 'sendEvent', {
        provider,
        event,
        url: to,
        method: sample.method,
        headers: sample.headers,
        bodyText: encodeSample(wire, patch === undefined ? fields : mergeJson(fields, patch)),
        sign: true,
        secret: ctx.values.secret as string | undefined
      }, SEND_WORDING)
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
  positionals: 1,
  async run(ctx) {
    const id = Number(ctx.positionals[0])
    if (!Number.isInteger(id) || id < 1) throw new HookscopeError('invalid_input', 'replay needs a request id, e.g. `hookscope replay 12 --to http://localhost:3000/hook`')
    const to = requireString(ctx.values.to, 'replay needs --to URL, e.g. --to http://localhost:3000/webhooks')
    if (ctx.values.secret && !ctx.values.resign) throw new HookscopeError('invalid_input', '--secret is only used with --resign')
    const resign = ctx.values.resign
      ? { provider: ctx.values.provider as string | undefined, secret: ctx.values.secret as string | undefined }
      : undefined
    const delivery = await withOpenEngine(ctx, async (engine) => {
      // The engine would say "pick one to re-sign as", the app's words: here it is --provider.
      if (resign && !resign.provider && (await callApi(engine, 'getRequest', { id }))?.provider === null) {
        throw new HookscopeError('invalid_input', `Hookscope does not know which provider sent capture ${id}: add --provider P to re-sign it.`)
      }
      return callApi(engine, 'replayRequest', { id, url: to, resign }, SEND_WORDING)
    })
    report(ctx, delivery)
  }
}
