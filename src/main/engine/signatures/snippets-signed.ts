// Verification snippets for requests signed beyond the body: Sinch's signed requests (method, body MD5,
// Content-Type, x-timestamp, path) and ES256 JWTs verified with a provider's public key (Plaid).
import type { VerificationSnippet } from '../../../shared/api/signatures'
import type { Provider } from '../providers/types'
import { join, NODE_HEAD, NODE_SAFE, NODE_TAIL, PY_HEAD, PY_SAFE, PY_TAIL } from './snippet-parts'

/** Sinch: "application KEY:SIG" over method, body MD5, Content-Type, x-timestamp and path; WEBHOOK_SECRET is "KEY:SECRET" or the secret. */
export function signedRequestSnippet(p: Provider, route: string): VerificationSnippet {
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
export function es256Snippet(p: Provider, route: string): VerificationSnippet {
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
