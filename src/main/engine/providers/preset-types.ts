// A provider as data: everything that differs from one provider to the next is a field here; the
// scheme families (hmac, url-signed, ed25519, ecdsa-p256, jwt, token, basic, signed-request, unsigned) are code.
import type { EventSample, RetryPolicy } from './types'

/**
 * Where a value lives in a delivery, as "<place>:<where>":
 * - `json:data.payload.call_control_id` — a dotted path into the JSON body (numeric segments index arrays);
 * - `form:CallSid` — a field of a form-encoded body;
 * - `header:X-GitHub-Delivery` — a request header;
 * - `query:call_id` — a query-string parameter of the request path.
 * A list is tried in order; the first string (or number, as text) found wins.
 */
export type FieldLocation = `json:${string}` | `form:${string}` | `header:${string}` | `query:${string}`

/** A FieldLocation in the body: call ids are read on the capture path from the body inspection already parsed. */
export type BodyLocation = `json:${string}` | `form:${string}`

/**
 * One place a call id may be: a body location, or one that holds the call only for some deliveries
 * (VoIPBIN keeps a call's id in data.id of its call_* events, and recordings point at their call).
 */
export type CallIdLocation =
  | BodyLocation
  | {
      at: BodyLocation
      /** Only for event types starting with this. */
      eventPrefix?: string
      /** Only when the field at `where.at` equals `where.equals`. */
      where?: { at: BodyLocation; equals: string }
    }

/**
 * How a provider's calls go, for the Calls view (calls/call-id.ts). Absent: deliveries are grouped by
 * call id, with no order check and no missing-final flag. Write where the order was read.
 */
export interface CallFlow {
  /**
   * Event types in the order a call goes through them; the types in one inner list share a rank.
   * A delivery whose rank is below one already seen for the call is out of order. Types not listed
   * (recordings, summaries) are not order-checked.
   */
  order?: string[][]
  /** Event types after which the call is over; a call with none of them is flagged missing-final after a while. */
  terminal?: string[]
  /**
   * True when the event id names the event (CallPayMin `evt_…`): the same id again is a repeat. False
   * (the default) when it names the resource (Twilio's CallSid, VoIPBIN's data.id): a repeat is the same
   * type, id and bytes.
   */
  eventIdIsUnique?: boolean
}

export type ProviderCategory = 'voice' | 'voice-ai' | 'messaging' | 'email' | 'payments' | 'commerce' | 'crm' | 'devtools' | 'auth' | 'other'

/** What the user pastes to let Hookscope verify, in the form the provider's dashboard shows it. */
export type SecretFormat =
  | 'hmac-secret'
  /** "whsec_" + base64 (Svix, Standard Webhooks): the key is the decoded part. */
  | 'whsec'
  /** An Ed25519 or ECDSA public key: base64, hex or PEM. */
  | 'public-key'
  /** A static token compared as is. */
  | 'token'
  /** "user:password" for HTTP Basic. */
  | 'basic'
  | 'none'

export interface HmacScheme {
  family: 'hmac'
  algorithm: 'sha1' | 'sha256' | 'sha512'
  encoding: 'hex' | 'base64' | 'base64url'
  signatureHeader: string
  timestampHeader?: string
  idHeader?: string
  /** Text before the digest in the header value ("sha256=", "v0="). */
  prefix?: string
  /** What is signed: {body}, {timestamp}, {id} and {url} placeholders; {body} exactly once. */
  template: string
  /** 'raw': the secret string is the key; 'whsec-base64': base64 of the part after "whsec_"; 'base64' / 'hex': the secret is base64 / hex (Dixa). */
  key?: 'raw' | 'whsec-base64' | 'base64' | 'hex'
  /**
   * Several values in one header:
   * - 'kv': "t=<ts>,v1=<sig>" pairs (Stripe; Retell "v=<ms>,d=<hex>"), see kv;
   * - 'standard-webhooks': space-separated "v1,<b64>" items.
   */
  framing?: 'kv' | 'standard-webhooks'
  /** Key names for 'kv' framing (default t / v1 / ","). */
  kv?: { timestamp: string; signature: string; separator?: string }
  /** Timestamp in milliseconds rather than seconds (Retell). */
  timestampMs?: boolean
}

export interface UrlSignedScheme {
  family: 'url-signed'
  /**
   * 'twilio': URL + POST params sorted by name as name+value (JSON bodies: URL carries bodySHA256=hex(sha256(body)), only the URL is signed);
   * 'plivo-v3': URL with sorted query, sorted params as name+value, then "." + nonce, HMAC-SHA256 base64.
   */
  variant: 'twilio' | 'plivo-v3'
  algorithm: 'sha1' | 'sha256'
  signatureHeader: string
  /** Plivo: the nonce header. */
  nonceHeader?: string
}

export interface Ed25519Scheme {
  family: 'ed25519'
  signatureHeader: string
  /** Absent: only the raw body is signed and no age can be checked (HighLevel). */
  timestampHeader?: string
  /** "{timestamp}|{body}" (Telnyx), "{timestamp}{body}" (Discord) or "{body}" (HighLevel). */
  template: string
  encoding: 'hex' | 'base64'
}

export interface EcdsaScheme {
  family: 'ecdsa-p256'
  signatureHeader: string
  timestampHeader: string
  /** "{timestamp}{body}" (SendGrid); DER signature, base64. */
  template: string
}

export interface JwtScheme {
  family: 'jwt'
  /** Header carrying "Bearer <jwt>" (or the bare JWT, see bare). */
  header: string
  /** Claim holding hex SHA-256 of the body (Vonage payload_hash, Plaid request_body_sha256). */
  payloadHashClaim?: string
  /**
   * 'HS256' (default): signed with a shared secret (Vonage). 'ES256': signed with the provider's P-256
   * key and verified with its public key, pasted as the JWK its key endpoint returns, PEM or base64 DER (Plaid).
   */
  algorithm?: 'HS256' | 'ES256'
  /** The header holds the JWT alone, without "Bearer " (Plaid-Verification). */
  bare?: boolean
}

export interface TokenScheme {
  family: 'token'
  header: string
  /** Text before the token ("Bearer "). */
  prefix?: string
  /**
   * The user names the header (AssemblyAI's webhook_auth_header_name): a secret written as a header line,
   * "Name: value", names it; a bare value is looked for in `header`.
   */
  headerNamedBySecret?: boolean
}

export interface SignedRequestScheme {
  family: 'signed-request'
  /** "application <key>:<base64 HMAC-SHA256>" (Sinch). */
  header: string
  /** The ISO 8601 time signed as "x-timestamp:<value>". */
  timestampHeader: string
}

export interface BasicScheme {
  family: 'basic'
}

export interface UnsignedScheme {
  family: 'unsigned'
}

export type SchemeSpec = HmacScheme | UrlSignedScheme | Ed25519Scheme | EcdsaScheme | JwtScheme | TokenScheme | BasicScheme | SignedRequestScheme | UnsignedScheme
export type SchemeFamily = SchemeSpec['family']

/** How a preset was checked: against the provider's own npm package, or its documentation only. */
export type Confirmation = { by: 'sdk'; package: string } | { by: 'docs' } | { by: 'seed-doc' }

export interface Preset<Id extends string = string> {
  id: Id
  name: string
  category: ProviderCategory
  scheme: SchemeSpec
  secretFormat: SecretFormat
  /** What to paste, when the format alone does not say it (Sinch's Key:Secret, AssemblyAI's header). */
  secretHint?: string
  /** One sentence: what is signed, how, in which header. */
  description: string
  timestampToleranceSec?: number
  /** The provider signs only once the user set a secret up (TopCalls, AssemblyAI). */
  signatureOptional?: boolean
  /**
   * Headers that tell this preset apart from others using the same signature header (WhatsApp and
   * GitHub both send X-Hub-Signature-256): all must be present for the preset to claim a delivery.
   * A preset with none is the default for its signature header.
   */
  detectHeaders?: string[]
  /**
   * 'endpoint': never auto-detected (it shares its headers and scheme with another preset, or uses a
   * header as common as Authorization); a delivery is judged as this provider only at an endpoint set to it.
   */
  detectVia?: 'endpoint'
  /** A User-Agent prefix that tells this preset apart (case-insensitive). */
  userAgent?: string
  eventType?: FieldLocation[]
  eventId?: FieldLocation[]
  /** Where the call (or conversation) id lives, for grouping deliveries by call; tried in order. */
  callId?: CallIdLocation[]
  /** The call's event order and end, where the provider documents them (needs callId). */
  calls?: CallFlow
  /** Headers a real delivery carries beside the signature, filled from the event ({event}, {id}). */
  extraHeaders?: [string, string][]
  retry: RetryPolicy
  methods: string[]
  contentType: string
  events: EventSample[]
  /** Where the scheme was read (docs page or SDK file). */
  source: string
  confirmedBy: Confirmation
  /** Extra sentences for the verification snippet and the forge advice. */
  notes?: string[]
}
