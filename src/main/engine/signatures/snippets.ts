// Short, correct receiving handlers per provider: raw bytes, constant-time compare with a length check,
// timestamp tolerance where the scheme has one. Generated from the provider's scheme summary.
import type { VerificationSnippet } from '../../../shared/api/signatures'
import { createGenericProvider, type GenericConfig } from '../providers/generic'
import { getProvider } from '../providers/registry'
import type { Provider, SchemeSummary } from '../providers/types'
import { HookscopeError } from '../../../shared/errors'
import { isKv, kvKeys } from '../providers/hmac-scheme'
import { familySnippet } from './snippets-families'

export function verificationSnippet(providerId: string, generic?: GenericConfig): VerificationSnippet {
  const p = providerId === 'generic' ? createGenericProvider(generic) : getProvider(providerId)
  if (!p) throw new HookscopeError('invalid_input', `Unknown provider "${providerId}".`)
  const route = `/webhooks/${p.id}`
  if (!p.signs) return unsignedSnippet(p, route)
  const special = familySnippet(p, route)
  if (special) return special
  const s = p.summary as SchemeSummary
  return {
    provider: p.id,
    node: nodeSnippet(p, s, route),
    python: pythonSnippet(p, s, route),
    notes: notesFor(p, s)
  }
}

function notesFor(p: Provider, s: SchemeSummary): string[] {
  const notes = [
    'Verify the raw request bytes: JSON.stringify(req.body) or json.dumps(...) re-serializes and breaks the signature.',
    'Compare with a constant-time function after checking lengths; answer 401 (not 500) on a bad or malformed signature.'
  ]
  if (s.timestampHeader || isKv(s)) notes.push(`Reject timestamps more than ${(p.timestampToleranceSec ?? 300) / 60} minutes away from now.`)
  if (p.id === 'callcall') notes.push('CallCall.ai documents the inputs (timestamp and body) but not how they are joined; "{timestamp}.{body}" is assumed.')
  if (p.signatureOptional) notes.push(`${p.name} signs only when you set up a secret; once you have, reject deliveries without the header.`)
  if (s.template.includes('{url}')) notes.push(`${p.name} signs the URL it called: behind a proxy or tunnel, use the public URL, not the local one.`)
  notes.push(...(p.notes ?? []))
  return notes
}

/** JS expression building the signed bytes from `timestamp`, `id` and `req.body` (a Buffer). */
function jsSigned(s: SchemeSummary): string {
  if (s.template === '{body}') return 'req.body'
  const [before, after] = s.template.split('{body}')
  const js = (t: string): string =>
    '`' + t.replace('{timestamp}', '${timestamp}').replace('{id}', '${id}').replace('{url}', '${PUBLIC_URL}').replace('{method}', '${req.method}') + '`'
  const parts = [before ? `Buffer.from(${js(before)})` : null, 'req.body', after ? `Buffer.from(${js(after)})` : null].filter(Boolean)
  return `Buffer.concat([${parts.join(', ')}])`
}

function pySigned(s: SchemeSummary): string {
  if (s.template === '{body}') return 'body'
  const [before, after] = s.template.split('{body}')
  const py = (t: string): string =>
    `f"${t.replace('{timestamp}', '{timestamp}').replace('{id}', '{msg_id}').replace('{url}', '{PUBLIC_URL}').replace('{method}', '{request.method}')}".encode()`
  return [before ? py(before) : null, 'body', after ? py(after) : null].filter(Boolean).join(' + ')
}

function nodeSnippet(p: Provider, s: SchemeSummary, route: string): string {
  const tolerance = p.timestampToleranceSec ?? 300
  const lines: string[] = [
    `// ${p.name}: ${p.scheme ?? ''}`,
    `const crypto = require('node:crypto')`,
    `const express = require('express')`,
    ``,
    `const app = express()`,
    `const SECRET = process.env.WEBHOOK_SECRET`,
    ...(s.template.includes('{url}') ? [`const PUBLIC_URL = 'https://your-public-host${route}' // exactly the URL configured at ${p.name}`] : []),
    ``,
    `function safeEqual(a, b) {`,
    `  const x = Buffer.from(a)`,
    `  const y = Buffer.from(b)`,
    `  return x.length === y.length && crypto.timingSafeEqual(x, y)`,
    `}`,
    ``,
    `// express.raw keeps the exact bytes that were signed; never verify JSON.stringify(req.body).`,
    `app.post('${route}', express.raw({ type: '*/*', limit: '5mb' }), (req, res) => {`,
    `  const header = req.get('${s.signatureHeader}') || ''`
  ]
  if (isKv(s)) {
    const kv = kvKeys(s)
    lines.push(
      `  const parts = header.split('${kv.separator}').map((kv) => kv.trim().split('='))`,
      `  const timestamp = (parts.find(([k]) => k === '${kv.timestamp}') || [])[1] || ''`,
      `  const received = parts.filter(([k]) => k === '${kv.signature}').map(([, v]) => v)`
    )
  } else if (s.framing === 'standard-webhooks') {
    lines.push(
      `  const id = req.get('${s.idHeader}') || ''`,
      `  const timestamp = req.get('${s.timestampHeader}') || ''`,
      `  const received = header.split(' ').filter((v) => v.startsWith('v1,')).map((v) => v.slice(3))`
    )
  } else {
    if (s.idHeader) lines.push(`  const id = req.get('${s.idHeader}') || ''`)
    if (s.timestampHeader) lines.push(`  const timestamp = req.get('${s.timestampHeader}') || ''`)
    lines.push(`  const received = [header]`)
  }
  if (s.timestampHeader || isKv(s)) {
    lines.push(
      `  // seconds, milliseconds or an ISO 8601 date, as the provider sends it`,
      `  const t = /^\\d+$/.test(timestamp) ? Number(timestamp) / (timestamp.length > 11 ? 1000 : 1) : Date.parse(timestamp) / 1000`,
      `  const age = Math.abs(Date.now() / 1000 - t)`,
      `  if (!Number.isFinite(age) || age > ${tolerance}) return res.status(400).send('stale or missing timestamp')`
    )
  }
  const key = s.key === 'whsec-base64' ? `Buffer.from(SECRET.replace(/^whsec_/, ''), 'base64')` : s.key === 'base64' ? `Buffer.from(SECRET, 'base64')` : s.key === 'hex' ? `Buffer.from(SECRET, 'hex')` : 'SECRET'
  const prefix = s.framing ? '' : s.prefix
  lines.push(
    `  const digest = crypto.createHmac('${s.algorithm}', ${key}).update(${jsSigned(s)}).digest('${s.encoding}')`,
    `  const expected = ${prefix ? `'${prefix}' + digest` : 'digest'}`,
    `  if (!received.some((sig) => safeEqual(sig, expected))) return res.status(401).send('invalid signature')`,
    ``,
    `  const event = JSON.parse(req.body.toString('utf8'))`,
    `  // ... queue the event for processing; answer fast`,
    `  res.status(200).json({ received: true })`,
    `})`,
    ``,
    `app.listen(3000)`
  )
  return lines.join('\n')
}

function pythonSnippet(p: Provider, s: SchemeSummary, route: string): string {
  const tolerance = p.timestampToleranceSec ?? 300
  const lines: string[] = [
    `# ${p.name}: ${p.scheme ?? ''}`,
    `import base64, hashlib, hmac, os, time`,
    `from datetime import datetime`,
    `from flask import Flask, request, abort`,
    ``,
    `app = Flask(__name__)`,
    `SECRET = os.environ["WEBHOOK_SECRET"]`,
    ...(s.template.includes('{url}') ? [`PUBLIC_URL = "https://your-public-host${route}"  # exactly the URL configured at ${p.name}`] : []),
    ``,
    `def safe_equal(a: str, b: str) -> bool:`,
    `    return len(a) == len(b) and hmac.compare_digest(a.encode(), b.encode())`,
    ``,
    `@app.post("${route}")`,
    `def webhook():`,
    `    body = request.get_data()  # the raw bytes that were signed; not request.json re-dumped`,
    `    header = request.headers.get("${s.signatureHeader}", "")`
  ]
  if (isKv(s)) {
    const kv = kvKeys(s)
    lines.push(
      `    parts = [kv.strip().split("=", 1) for kv in header.split("${kv.separator}") if "=" in kv]`,
      `    timestamp = next((v for k, v in parts if k == "${kv.timestamp}"), "")`,
      `    received = [v for k, v in parts if k == "${kv.signature}"]`
    )
  } else if (s.framing === 'standard-webhooks') {
    lines.push(
      `    msg_id = request.headers.get("${s.idHeader}", "")`,
      `    timestamp = request.headers.get("${s.timestampHeader}", "")`,
      `    received = [v[3:] for v in header.split(" ") if v.startswith("v1,")]`
    )
  } else {
    if (s.idHeader) lines.push(`    msg_id = request.headers.get("${s.idHeader}", "")`)
    if (s.timestampHeader) lines.push(`    timestamp = request.headers.get("${s.timestampHeader}", "")`)
    lines.push(`    received = [header]`)
  }
  if (s.timestampHeader || isKv(s)) {
    lines.push(
      `    try:  # seconds, milliseconds or an ISO 8601 date, as the provider sends it`,
      `        t = float(timestamp) / (1000 if len(timestamp) > 11 else 1) if timestamp.isdigit() else datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp()`,
      `        if abs(time.time() - t) > ${tolerance}:`,
      `            abort(400)`,
      `    except ValueError:`,
      `        abort(400)`
    )
  }
  const key = s.key === 'whsec-base64' ? `base64.b64decode(SECRET.removeprefix("whsec_"))` : s.key === 'base64' ? `base64.b64decode(SECRET)` : s.key === 'hex' ? `bytes.fromhex(SECRET)` : `SECRET.encode()`
  const mac = `hmac.new(${key}, ${pySigned(s)}, hashlib.${s.algorithm})`
  const digest =
    s.encoding === 'hex'
      ? `${mac}.hexdigest()`
      : s.encoding === 'base64url'
        ? `base64.urlsafe_b64encode(${mac}.digest()).decode().rstrip("=")`
        : `base64.b64encode(${mac}.digest()).decode()`
  const prefix = s.framing ? '' : s.prefix
  lines.push(
    `    expected = ${prefix ? `"${prefix}" + ` : ''}${digest}`,
    `    if not any(safe_equal(sig, expected) for sig in received):`,
    `        abort(401)`,
    `    # ... queue the event for processing; answer fast`,
    `    return {"received": True}, 200`
  )
  return lines.join('\n')
}

function unsignedSnippet(p: Provider, route: string): VerificationSnippet {
  return {
    provider: p.id,
    node: [
      `// ${p.name} does not sign webhooks. Put a long random token in the webhook URL you configure`,
      `// (${route}?token=...) and compare it in constant time.`,
      `const crypto = require('node:crypto')`,
      `const express = require('express')`,
      `const app = express()`,
      `const TOKEN = process.env.WEBHOOK_TOKEN`,
      ``,
      `app.all('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  const a = Buffer.from(String(req.query.token || ''))`,
      `  const b = Buffer.from(TOKEN)`,
      `  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return res.status(401).end()`,
      `  res.status(200).json({ status: 'received' })`,
      `})`,
      `app.listen(3000)`
    ].join('\n'),
    python: [
      `# ${p.name} does not sign webhooks: check a long random token you put in the configured URL.`,
      `import hmac, os`,
      `from flask import Flask, request, abort`,
      `app = Flask(__name__)`,
      `TOKEN = os.environ["WEBHOOK_TOKEN"]`,
      ``,
      `@app.route("${route}", methods=["POST", "PUT", "GET", "DELETE"])`,
      `def webhook():`,
      `    token = request.args.get("token", "")`,
      `    if len(token) != len(TOKEN) or not hmac.compare_digest(token, TOKEN):`,
      `        abort(401)`,
      `    return {"status": "received"}, 200`
    ].join('\n'),
    notes: [`${p.name} sends no signature; a secret URL token (and HTTPS) is the practical protection.`, p.retry.description]
  }
}
