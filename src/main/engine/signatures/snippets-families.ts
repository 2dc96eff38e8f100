// Verification snippets for the scheme families that are not an HMAC over a template of the body:
// URL-signed (Twilio-style, Plivo V3), key pairs (Ed25519, ECDSA P-256), JWT, shared token, Basic;
// signed requests (Sinch) and ES256 JWTs (Plaid) are in snippets-signed.ts.
import type { VerificationSnippet } from '../../../shared/api/signatures'
import type { Provider } from '../providers/types'
import { join, NODE_HEAD, NODE_SAFE, NODE_TAIL, PY_HEAD, PY_SAFE, PY_TAIL } from './snippet-parts'
import { es256Snippet, signedRequestSnippet } from './snippets-signed'

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
  // From the scheme's data, not its description: a sentence mentioning "hex" must not change the code.
  const ks = p.keyScheme
  const hex = ks?.family === 'ed25519' && ks.encoding === 'hex'
  const tolerance = p.timestampToleranceSec ?? 300
  const sep = ks?.template.match(/^\{timestamp\}(.*)\{body\}$/)?.[1] ?? ''
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

