// Verification snippets for the scheme families that are not an HMAC over a template of the body:
// URL-signed (Twilio-style, Plivo V3), key pairs (Ed25519, ECDSA P-256), JWT, shared token, Basic,
// signed requests (Sinch).
import type { VerificationSnippet } from '../../../shared/api/signatures'
import type { Provider } from '../providers/types'

const join = (lines: string[]): string => lines.join('\n')

const NODE_HEAD = (p: Provider, env: string): string[] => [
  `// ${p.name}: ${p.scheme ?? ''}`,
  `const crypto = require('node:crypto')`,
  `const express = require('express')`,
  `const app = express()`,
  `const ${env} = process.env.WEBHOOK_SECRET`
]
const PY_HEAD = (p: Provider, env: string): string[] => [
  `# ${p.name}: ${p.scheme ?? ''}`,
  `import base64, hashlib, hmac, json, os, time`,
  `from flask import Flask, request, abort`,
  `app = Flask(__name__)`,
  `${env} = os.environ["WEBHOOK_SECRET"]`
]
const NODE_SAFE = [
  `function safeEqual(a, b) {`,
  `  const x = Buffer.from(a)`,
  `  const y = Buffer.from(b)`,
  `  return x.length === y.length && crypto.timingSafeEqual(x, y)`,
  `}`
]
const PY_SAFE = [`def safe_equal(a: str, b: str) -> bool:`, `    return len(a) == len(b) and hmac.compare_digest(a.encode(), b.encode())`]
const NODE_TAIL = [`  res.status(200).json({ received: true })`, `})`, `app.listen(3000)`]
const PY_TAIL = [`    return {"received": True}, 200`]

/** A snippet for the provider's family, or null when the generic HMAC generator applies. */
export function familySnippet(p: Provider, route: string): VerificationSnippet | null {
  switch (p.family) {
    case 'url-signed':
      return p.summary?.framing === 'list' ? plivoSnippet(p, route) : twilioSnippet(p, route)
    case 'ed25519':
    case 'ecdsa-p256':
      return keyPairSnippet(p, route)
    case 'jwt':
      return jwtSnippet(p, route)
    case 'token':
    case 'basic':
      return tokenSnippet(p, route)
    case 'signed-request':
      return signedRequestSnippet(p, route)
    default:
      return null
  }
}

function twilioSnippet(p: Provider, route: string): VerificationSnippet {
  const header = p.signatureHeaders[0]
  const alg = p.summary?.algorithm ?? 'sha1'
  return {
    provider: p.id,
    node: join([
      ...NODE_HEAD(p, 'AUTH_TOKEN'),
      `const PUBLIC_URL = 'https://your-public-host${route}' // exactly the URL configured at ${p.name}`,
      ...NODE_SAFE,
      ``,
      `// Form posts: URL + params sorted by name (name+value). JSON posts: the URL carries bodySHA256 and only the URL is signed.`,
      `app.post('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  const received = req.get('${header}') || ''`,
      `  const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : ''`,
      `  const url = PUBLIC_URL + query`,
      `  const bodyHash = new URL(url).searchParams.get('bodySHA256')`,
      `  let data = url`,
      `  if (bodyHash === null) {`,
      `    const params = [...new URLSearchParams(req.body.toString('utf8'))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))`,
      `    data += params.map(([k, v]) => k + v).join('')`,
      `  } else if (!safeEqual(crypto.createHash('sha256').update(req.body).digest('hex'), bodyHash)) {`,
      `    return res.status(403).send('body does not match bodySHA256')`,
      `  }`,
      `  const expected = crypto.createHmac('${alg}', AUTH_TOKEN).update(data).digest('base64')`,
      `  if (!safeEqual(received, expected)) return res.status(403).send('invalid signature')`,
      ...NODE_TAIL
    ]),
    python: join([
      ...PY_HEAD(p, 'AUTH_TOKEN'),
      `from urllib.parse import parse_qs, urlsplit`,
      `PUBLIC_URL = "https://your-public-host${route}"  # exactly the URL configured at ${p.name}`,
      ...PY_SAFE,
      ``,
      `@app.post("${route}")`,
      `def webhook():`,
      `    received = request.headers.get("${header}", "")`,
      `    query = request.query_string.decode()`,
      `    url = PUBLIC_URL + ("?" + query if query else "")`,
      `    body_hash = parse_qs(urlsplit(url).query).get("bodySHA256", [None])[0]`,
      `    data = url`,
      `    if body_hash is None:`,
      `        data += "".join(k + v for k, v in sorted(request.form.items(multi=True)))`,
      `    elif not safe_equal(hashlib.sha256(request.get_data()).hexdigest(), body_hash):`,
      `        abort(403)`,
      `    expected = base64.b64encode(hmac.new(AUTH_TOKEN.encode(), data.encode(), hashlib.${alg}).digest()).decode()`,
      `    if not safe_equal(received, expected):`,
      `        abort(403)`,
      ...PY_TAIL
    ]),
    notes: [
      `Behind a proxy or tunnel, check against the public URL ${p.name} called, not the local one (https, host, port, path and query exactly as configured).`,
      'Compare in constant time after checking lengths.',
      ...(p.notes ?? [])
    ]
  }
}

function plivoSnippet(p: Provider, route: string): VerificationSnippet {
  const header = p.signatureHeaders[0]
  const nonce = p.signatureHeaders.find((h) => /nonce/i.test(h)) ?? 'X-Plivo-Signature-V3-Nonce'
  return {
    provider: p.id,
    node: join([
      ...NODE_HEAD(p, 'AUTH_TOKEN'),
      `const PUBLIC_URL = 'https://your-public-host${route}' // exactly the URL configured at ${p.name}`,
      ...NODE_SAFE,
      `const sorted = (pairs) => [...pairs].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))`,
      ``,
      `app.post('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  const q = req.originalUrl.indexOf('?')`,
      `  const query = sorted(new URLSearchParams(q === -1 ? '' : req.originalUrl.slice(q + 1))).map(([k, v]) => k + '=' + v).join('&')`,
      `  const params = sorted(new URLSearchParams(req.body.toString('utf8'))).map(([k, v]) => k + v).join('')`,
      `  let data = PUBLIC_URL`,
      `  if (query || params) data += '?' + query`,
      `  if (query && params) data += '.'`,
      `  data += params + '.' + (req.get('${nonce}') || '')`,
      `  const expected = crypto.createHmac('sha256', AUTH_TOKEN).update(data).digest('base64')`,
      `  const received = (req.get('${header}') || '').split(',').map((s) => s.trim())`,
      `  if (!received.some((sig) => safeEqual(sig, expected))) return res.status(403).send('invalid signature')`,
      ...NODE_TAIL
    ]),
    python: join([
      ...PY_HEAD(p, 'AUTH_TOKEN'),
      `from urllib.parse import parse_qsl`,
      `PUBLIC_URL = "https://your-public-host${route}"  # exactly the URL configured at ${p.name}`,
      ...PY_SAFE,
      ``,
      `@app.post("${route}")`,
      `def webhook():`,
      `    query = "&".join(k + "=" + v for k, v in sorted(parse_qsl(request.query_string.decode(), keep_blank_values=True)))`,
      `    params = "".join(k + v for k, v in sorted(parse_qsl(request.get_data().decode(), keep_blank_values=True)))`,
      `    data = PUBLIC_URL`,
      `    if query or params:`,
      `        data += "?" + query`,
      `    if query and params:`,
      `        data += "."`,
      `    data += params + "." + request.headers.get("${nonce}", "")`,
      `    expected = base64.b64encode(hmac.new(AUTH_TOKEN.encode(), data.encode(), hashlib.sha256).digest()).decode()`,
      `    received = [s.strip() for s in request.headers.get("${header}", "").split(",")]`,
      `    if not any(safe_equal(sig, expected) for sig in received):`,
      `        abort(403)`,
      ...PY_TAIL
    ]),
    notes: [`${p.name} signs a nonce, not a timestamp: keep the nonces you have seen for a while to refuse replays.`, 'Use the public URL the provider called.', ...(p.notes ?? [])]
  }
}

function keyPairSnippet(p: Provider, route: string): VerificationSnippet {
  const [sigHeader, tsHeader] = p.signatureHeaders
  const ed = p.family === 'ed25519'
  const hex = /hex/i.test(p.scheme ?? '') && ed
  const tolerance = p.timestampToleranceSec ?? 300
  const sep = /\|\{raw body\}|\}\|\{/.test(p.scheme ?? '') ? '|' : ''
  const nodeKey = ed
    ? `crypto.createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(PUBLIC_KEY, '${hex ? 'hex' : 'base64'}')]), format: 'der', type: 'spki' })`
    : `crypto.createPublicKey({ key: Buffer.from(PUBLIC_KEY, 'base64'), format: 'der', type: 'spki' })`
  return {
    provider: p.id,
    node: join([
      ...NODE_HEAD(p, 'PUBLIC_KEY'),
      `const KEY = ${nodeKey}`,
      ``,
      `app.post('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  const signature = Buffer.from(req.get('${sigHeader}') || '', '${hex ? 'hex' : 'base64'}')`,
      ...(tsHeader
        ? [
            `  const timestamp = req.get('${tsHeader}') || ''`,
            `  if (!/^\\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > ${tolerance}) return res.status(400).send('stale or missing timestamp')`,
            `  const signed = Buffer.concat([Buffer.from(timestamp + '${sep}'), req.body])`
          ]
        : [`  const signed = req.body // the raw body alone: no timestamp is signed`]),
      `  let ok = false`,
      `  try {`,
      `    ok = ${ed ? `crypto.verify(null, signed, KEY, signature)` : `crypto.verify('sha256', signed, { key: KEY, dsaEncoding: 'der' }, signature)`}`,
      `  } catch {}`,
      `  if (!ok) return res.status(401).send('invalid signature')`,
      ...NODE_TAIL
    ]),
    python: join([
      ...PY_HEAD(p, 'PUBLIC_KEY'),
      ed
        ? `from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey`
        : `from cryptography.hazmat.primitives import hashes, serialization\nfrom cryptography.hazmat.primitives.asymmetric import ec`,
      `from cryptography.exceptions import InvalidSignature`,
      ed
        ? `KEY = Ed25519PublicKey.from_public_bytes(${hex ? 'bytes.fromhex(PUBLIC_KEY)' : 'base64.b64decode(PUBLIC_KEY)'})`
        : `KEY = serialization.load_der_public_key(base64.b64decode(PUBLIC_KEY))`,
      ``,
      `@app.post("${route}")`,
      `def webhook():`,
      ...(tsHeader
        ? [
            `    timestamp = request.headers.get("${tsHeader}", "")`,
            `    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > ${tolerance}:`,
            `        abort(400)`
          ]
        : []),
      `    try:`,
      `        signature = ${hex ? `bytes.fromhex(request.headers.get("${sigHeader}", ""))` : `base64.b64decode(request.headers.get("${sigHeader}", ""), validate=True)`}`,
      tsHeader ? `        signed = (timestamp + "${sep}").encode() + request.get_data()` : `        signed = request.get_data()  # the raw body alone: no timestamp is signed`,
      ed ? `        KEY.verify(signature, signed)` : `        KEY.verify(signature, signed, ec.ECDSA(hashes.SHA256()))`,
      `    except (ValueError, InvalidSignature):`,
      `        abort(401)`,
      ...PY_TAIL
    ]),
    notes: [
      `${p.name} signs with its private key; verify with the public key from its dashboard (WEBHOOK_SECRET here holds that public key).`,
      'A failed check cannot tell a different key pair from a changed body: log both the key id you use and the raw body.',
      ...(p.notes ?? [])
    ]
  }
}

function jwtSnippet(p: Provider, route: string): VerificationSnippet {
  if (p.jwtScheme?.algorithm === 'ES256') return es256Snippet(p, route)
  const header = p.signatureHeaders[0]
  const tolerance = p.timestampToleranceSec ?? 300
  return {
    provider: p.id,
    node: join([
      ...NODE_HEAD(p, 'SECRET'),
      ...NODE_SAFE,
      ``,
      `app.post('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  const token = (req.get('${header}') || '').replace(/^Bearer\\s+/i, '')`,
      `  const [head, claims, sig] = token.split('.')`,
      `  if (!sig) return res.status(401).send('no JWT')`,
      `  const expected = crypto.createHmac('sha256', SECRET).update(head + '.' + claims).digest('base64url')`,
      `  if (!safeEqual(sig, expected)) return res.status(401).send('invalid signature')`,
      `  const c = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'))`,
      `  const now = Date.now() / 1000`,
      `  if ((c.exp && c.exp < now) || (c.iat && Math.abs(now - c.iat) > ${tolerance})) return res.status(401).send('expired')`,
      `  const hash = crypto.createHash('sha256').update(req.body).digest('hex')`,
      `  if (c.payload_hash && c.payload_hash !== hash) return res.status(401).send('payload_hash mismatch')`,
      ...NODE_TAIL
    ]),
    python: join([
      ...PY_HEAD(p, 'SECRET'),
      ...PY_SAFE,
      `def b64url(data: str) -> bytes:`,
      `    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))`,
      ``,
      `@app.post("${route}")`,
      `def webhook():`,
      `    token = request.headers.get("${header}", "").removeprefix("Bearer ").strip()`,
      `    parts = token.split(".")`,
      `    if len(parts) != 3:`,
      `        abort(401)`,
      `    expected = base64.urlsafe_b64encode(hmac.new(SECRET.encode(), (parts[0] + "." + parts[1]).encode(), hashlib.sha256).digest()).decode().rstrip("=")`,
      `    if not safe_equal(parts[2], expected):`,
      `        abort(401)`,
      `    claims = json.loads(b64url(parts[1]))`,
      `    now = time.time()`,
      `    if ("exp" in claims and claims["exp"] < now) or ("iat" in claims and abs(now - claims["iat"]) > ${tolerance}):`,
      `        abort(401)`,
      `    if "payload_hash" in claims and claims["payload_hash"] != hashlib.sha256(request.get_data()).hexdigest():`,
      `        abort(401)`,
      ...PY_TAIL
    ]),
    notes: [`${p.name} signs the JWT with the account signature secret (HS256); check payload_hash against the raw body.`, ...(p.notes ?? [])]
  }
}

function tokenSnippet(p: Provider, route: string): VerificationSnippet {
  const basic = p.family === 'basic'
  const header = p.signatureHeaders[0]
  const expectedNode = basic ? `'Basic ' + Buffer.from(TOKEN).toString('base64')` : 'TOKEN'
  const expectedPy = basic ? `"Basic " + base64.b64encode(TOKEN.encode()).decode()` : 'TOKEN'
  return {
    provider: p.id,
    node: join([
      ...NODE_HEAD(p, 'TOKEN'),
      ...NODE_SAFE,
      ``,
      `app.post('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  if (!safeEqual(req.get('${header}') || '', ${expectedNode})) return res.status(401).send('unauthorized')`,
      ...NODE_TAIL
    ]),
    python: join([
      ...PY_HEAD(p, 'TOKEN'),
      ...PY_SAFE,
      ``,
      `@app.post("${route}")`,
      `def webhook():`,
      `    if not safe_equal(request.headers.get("${header}", ""), ${expectedPy}):`,
      `        abort(401)`,
      ...PY_TAIL
    ]),
    notes: [
      `${p.name} sends ${basic ? 'HTTP Basic credentials (WEBHOOK_SECRET holds "user:password")' : 'a shared token'}, not a signature: the body is not covered, so use HTTPS and keep the token secret.`,
      ...(p.notes ?? [])
    ]
  }
}

/** Sinch: "application KEY:SIG" over method, body MD5, Content-Type, x-timestamp and path; WEBHOOK_SECRET is "KEY:SECRET" or the secret. */
function signedRequestSnippet(p: Provider, route: string): VerificationSnippet {
  const [header, tsHeader] = p.signatureHeaders
  const tolerance = p.timestampToleranceSec ?? 300
  return {
    provider: p.id,
    node: join([
      ...NODE_HEAD(p, 'KEY_AND_SECRET'),
      `const [APP_KEY, APP_SECRET] = KEY_AND_SECRET.includes(':') ? KEY_AND_SECRET.split(':', 2) : [null, KEY_AND_SECRET]`,
      ...NODE_SAFE,
      ``,
      `app.post('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  const m = /^(application|service)\\s+([^\\s:]+):(\\S+)$/i.exec(req.get('${header}') || '')`,
      `  if (!m || (APP_KEY !== null && m[2] !== APP_KEY)) return res.status(401).send('unauthorized')`,
      `  const timestamp = req.get('${tsHeader}') || ''`,
      `  const at = Date.parse(timestamp)`,
      `  if (Number.isNaN(at) || Math.abs(Date.now() - at) > ${tolerance * 1000}) return res.status(400).send('stale or missing timestamp')`,
      `  const md5 = req.body.length ? crypto.createHash('md5').update(req.body).digest('base64') : ''`,
      `  const path = req.originalUrl.split('?')[0]`,
      `  const text = ['POST', md5, req.get('content-type') || '', '${tsHeader}:' + timestamp, path].join('\\n')`,
      `  const expected = crypto.createHmac('sha256', Buffer.from(APP_SECRET, 'base64')).update(text).digest('base64')`,
      `  if (!safeEqual(m[3], expected)) return res.status(401).send('invalid signature')`,
      ...NODE_TAIL
    ]),
    python: join([
      ...PY_HEAD(p, 'KEY_AND_SECRET'),
      `import re`,
      `from datetime import datetime`,
      `APP_KEY, APP_SECRET = KEY_AND_SECRET.split(":", 1) if ":" in KEY_AND_SECRET else (None, KEY_AND_SECRET)`,
      ...PY_SAFE,
      ``,
      `@app.post("${route}")`,
      `def webhook():`,
      `    m = re.match(r"^(application|service)\\s+([^\\s:]+):(\\S+)$", request.headers.get("${header}", ""), re.I)`,
      `    if not m or (APP_KEY is not None and m.group(2) != APP_KEY):`,
      `        abort(401)`,
      `    timestamp = request.headers.get("${tsHeader}", "")`,
      `    try:`,
      `        at = datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp()`,
      `    except ValueError:`,
      `        abort(400)`,
      `    if abs(time.time() - at) > ${tolerance}:`,
      `        abort(400)`,
      `    body = request.get_data()`,
      `    md5 = base64.b64encode(hashlib.md5(body).digest()).decode() if body else ""`,
      `    text = "\\n".join(["POST", md5, request.headers.get("Content-Type", ""), "${tsHeader}:" + timestamp, request.path])`,
      `    expected = base64.b64encode(hmac.new(base64.b64decode(APP_SECRET), text.encode(), hashlib.sha256).digest()).decode()`,
      `    if not safe_equal(m.group(3), expected):`,
      `        abort(401)`,
      ...PY_TAIL
    ]),
    notes: [
      `${p.name} signs the request, not only the body: method, the body's MD5, Content-Type, ${tsHeader} and the path as configured at ${p.name} (behind a proxy, the path it called).`,
      'Decode the application secret from base64 before using it as the HMAC key.',
      ...(p.notes ?? [])
    ]
  }
}

/** ES256 JWTs (Plaid): verify with the P-256 public key (a JWK), then iat and the body-hash claim. */
function es256Snippet(p: Provider, route: string): VerificationSnippet {
  const header = p.signatureHeaders[0]
  const tolerance = p.timestampToleranceSec ?? 300
  const claim = p.jwtScheme?.payloadHashClaim ?? 'request_body_sha256'
  return {
    provider: p.id,
    node: join([
      ...NODE_HEAD(p, 'PUBLIC_KEY'),
      `// PUBLIC_KEY: the JWK for the JWT's kid (from the provider's key endpoint), or PEM / base64 DER.`,
      `const text = PUBLIC_KEY.trim()`,
      `const KEY = text.startsWith('{') ? crypto.createPublicKey({ key: JSON.parse(text), format: 'jwk' }) : text.includes('BEGIN') ? crypto.createPublicKey(text) : crypto.createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' })`,
      ``,
      `app.post('${route}', express.raw({ type: '*/*' }), (req, res) => {`,
      `  const [head, claims, sig] = (req.get('${header}') || '').replace(/^Bearer\\s+/i, '').trim().split('.')`,
      `  if (!sig) return res.status(401).send('no JWT')`,
      `  let ok = false`,
      `  try {`,
      `    ok = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')).alg === 'ES256' &&`,
      `      crypto.verify('sha256', Buffer.from(head + '.' + claims), { key: KEY, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'))`,
      `  } catch {}`,
      `  if (!ok) return res.status(401).send('invalid signature')`,
      `  const c = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8'))`,
      `  if (typeof c.iat !== 'number' || Math.abs(Date.now() / 1000 - c.iat) > ${tolerance}) return res.status(401).send('too old')`,
      `  if (c.${claim} !== crypto.createHash('sha256').update(req.body).digest('hex')) return res.status(401).send('body does not match ${claim}')`,
      ...NODE_TAIL
    ]),
    python: join([
      ...PY_HEAD(p, 'PUBLIC_KEY'),
      `from cryptography.exceptions import InvalidSignature`,
      `from cryptography.hazmat.primitives import hashes, serialization`,
      `from cryptography.hazmat.primitives.asymmetric import ec`,
      `from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature`,
      `def b64url(data: str) -> bytes:`,
      `    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))`,
      `def load_key(text: str):`,
      `    text = text.strip()`,
      `    if text.startswith("{"):`,
      `        jwk = json.loads(text)`,
      `        x, y = (int.from_bytes(b64url(jwk[k]), "big") for k in ("x", "y"))`,
      `        return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()`,
      `    if "BEGIN" in text:`,
      `        return serialization.load_pem_public_key(text.encode())`,
      `    return serialization.load_der_public_key(base64.b64decode(text))`,
      `KEY = load_key(PUBLIC_KEY)  # the JWK for the JWT's kid, or PEM / base64 DER`,
      ``,
      `@app.post("${route}")`,
      `def webhook():`,
      `    parts = request.headers.get("${header}", "").removeprefix("Bearer ").strip().split(".")`,
      `    if len(parts) != 3:`,
      `        abort(401)`,
      `    try:`,
      `        if json.loads(b64url(parts[0])).get("alg") != "ES256":`,
      `            raise ValueError("not ES256")`,
      `        raw = b64url(parts[2])`,
      `        if len(raw) != 64:`,
      `            raise ValueError("not an ES256 signature")`,
      `        signature = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))`,
      `        KEY.verify(signature, (parts[0] + "." + parts[1]).encode(), ec.ECDSA(hashes.SHA256()))`,
      `        claims = json.loads(b64url(parts[1]))`,
      `    except (ValueError, InvalidSignature):`,
      `        abort(401)`,
      `    if not isinstance(claims.get("iat"), (int, float)) or abs(time.time() - claims["iat"]) > ${tolerance}:`,
      `        abort(401)`,
      `    if claims.get("${claim}") != hashlib.sha256(request.get_data()).hexdigest():`,
      `        abort(401)`,
      ...PY_TAIL
    ]),
    notes: [
      `${p.name} signs the JWT with its private key (ES256); fetch the public key for the JWT header's kid from its key endpoint and cache it until it expires.`,
      `Check iat (at most ${tolerance / 60} minutes old) and compare ${claim} with the SHA-256 of the raw body.`,
      ...(p.notes ?? [])
    ]
  }
}
