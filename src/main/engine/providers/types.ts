import type { Header, SignatureReport, Verdict } from '../../../shared/types'
import type { IncomingDelivery } from '../inspect'
import type { CallFlow, CallIdLocation, Confirmation, EcdsaScheme, Ed25519Scheme, JwtScheme, ProviderCategory, SchemeFamily, SecretFormat } from './preset-types'

export type { CallFlow, CallIdLocation, FieldLocation } from './preset-types'

/** Every provider id the registry knows (derived from the presets, see registry.ts). */
export type { ProviderId } from './registry'

/** A secret as the engine holds it in memory; `label` is what a verdict may show ("current", "previous"). */
export interface NamedSecret {
  label: string
  value: string
}

export interface SignOptions {
  body: Buffer
  secret: string
  /** Unix seconds; schemes with a timestamp use it (default: now). */
  timestamp?: number
  /** Delivery id, for schemes that sign one (Standard Webhooks). */
  id?: string
  /** Full URL the delivery goes to, for schemes that sign it (Twilio). */
  url?: string
  method?: string
  /** Event type, for schemes that carry it in a header (GitHub, Shopify). */
  event?: string
}

/** How an HMAC scheme is built, in words a snippet generator and the UI can use. */
export interface SchemeSummary {
  algorithm: 'sha1' | 'sha256' | 'sha512'
  encoding: 'hex' | 'base64' | 'base64url'
  signatureHeader: string
  timestampHeader?: string
  idHeader?: string
  /** Text before the digest in the header value ("sha256=", "v0="). */
  prefix: string
  /** What is signed, with {body}, {timestamp}, {id}, {url} placeholders. */
  template: string
  /** 'raw': the secret string is the key; 'whsec-base64': base64 of the part after "whsec_" is the key; 'base64' / 'hex': the secret is base64 / hex. */
  key: 'raw' | 'whsec-base64' | 'base64' | 'hex'
  /**
   * How several signatures share the header: Stripe "t=..,v1=..", 'kv' the same with other key names
   * (see kv), Standard Webhooks "v1,<b64> v1,<b64>", 'list' comma-separated digests (Plivo).
   */
  framing?: 'stripe' | 'kv' | 'standard-webhooks' | 'list'
  kv?: { timestamp: string; signature: string; separator?: string }
  /** The timestamp is in milliseconds (Retell). */
  timestampMs?: boolean
}

export interface VerifyOptions {
  /** False: skip the (costlier) diagnostics of an invalid signature; only the verdict is wanted. */
  diagnose?: boolean
}

export interface VerifyResult {
  verdict: Verdict
  report: SignatureReport | null
}

export interface EventSample {
  type: string
  description: string
  /** A realistic payload in the provider's own shape, with fresh ids and timestamps each call. */
  sample(): unknown
}

export interface RetryPolicy {
  /** Delay before each redelivery, in ms (attempt 2, 3, ...). Empty: the provider does not retry. */
  delaysMs: number[]
  /** How long the provider waits for an answer before counting a timeout. */
  timeoutMs: number
  /** Consecutive failures after which the provider disables the endpoint (ErzyCall: 10). */
  disableAfterFailures?: number
  description: string
}

/** Everything Hookscope knows about one provider's webhooks: detect, verify, sign, events, retries. */
export interface Provider {
  /** A registry id (ProviderId); typed as string so presets can declare their own literal ids. */
  id: string
  name: string
  /** False for providers that never sign (VoIPBIN): verdict `unsigned`. */
  signs: boolean
  /** Header names carrying the signature (and timestamp), as the docs spell them. */
  signatureHeaders: string[]
  /** Tolerance for timestamped schemes, in seconds. */
  timestampToleranceSec?: number
  /** How confident this provider is that the delivery is its own: 0 (no) .. 1 (its signature header is there). */
  detect(delivery: IncomingDelivery): number
  verify(delivery: IncomingDelivery, secrets: NamedSecret[], nowMs: number, options?: VerifyOptions): VerifyResult
  /** Headers to add so that `body` verifies with `secret` (plus the provider's usual Content-Type). */
  sign(options: SignOptions): Header[]
  /** Event type and id from a parsed body, in this provider's shape. */
  eventOf(body: unknown): { type: string | null; id: string | null }
  events: EventSample[]
  retry: RetryPolicy
  /** HTTP methods and content types the provider really sends. */
  methods: string[]
  contentType: string
  /** One sentence: what is signed, how, in which header. */
  scheme?: string
  /** Machine-readable scheme, when it is an HMAC over a template (all but Twilio and VoIPBIN). */
  summary?: SchemeSummary
  /** Machine-readable key-pair scheme (Ed25519, ECDSA): what the verification snippets are written from. */
  keyScheme?: Ed25519Scheme | EcdsaScheme
  /** True when the provider signs only if the user configured a secret (TopCalls). */
  signatureOptional?: boolean
  /** Recognise the provider from a parsed body when no signature header gave it away (cheap shape checks). */
  detectBody?(json: unknown): number
  /** Event type/id from headers, for providers that send them there (GitHub, Shopify). */
  eventFromHeaders?(headers: Header[]): { type: string | null; id: string | null } | null
  /** A plausible new secret in this provider's format (for sends and tests). */
  sampleSecret?(): string
  /** Where the call (or conversation) id lives, tried in order; calls/call-id.ts compiles it once per provider. */
  callId?: CallIdLocation[]
  /** The call's event order and end, where the provider documents them (needs callId). */
  calls?: CallFlow
  /** Scheme family; absent on hand-written providers means 'hmac' when `summary` is set, else 'unsigned'. */
  family?: SchemeFamily
  category?: ProviderCategory
  /** What `--secret PROVIDER=VALUE` takes for this provider. */
  secretFormat?: SecretFormat
  /** What to paste, when the format alone does not say it. */
  secretHint?: string
  confirmedBy?: Confirmation
  /** Where the scheme was read (docs page or SDK file). */
  source?: string
  /**
   * For key-pair schemes: what the user must know about the key a send or forge run signs with
   * (the public key to configure in the handler). Null when the secret signs as the provider does.
   */
  signingNote?(secret: string): string | null
  /** Why a forge check does not apply to this scheme (check id -> reason), e.g. no timestamp to make stale. */
  forgeSkips?: Record<string, string>
  /** What a forge check means for this scheme (check id -> sentence put before its advice). */
  forgeNotes?: Record<string, string>
  /** Why a value cannot be what this provider verifies with (not a public key, not user:password), or null. Never echoes the value. */
  secretProblem?(value: string): string | null
  /** Key-pair schemes: the public key that verifies what sign() makes with this secret (the test key pair's, or the user's own). */
  verificationKeyFor?(secret: string): string
  /** Headers that must also be present for detection to name this provider (it shares its signature header). */
  detectHeaders?: string[]
  /** 'endpoint': never auto-detected, only at an endpoint set to this provider (shared or too common headers). */
  detectVia?: 'endpoint'
  /** A User-Agent prefix that tells this provider apart from others sharing its signature header. */
  userAgent?: string
  /** Extra sentences for snippets and advice. */
  notes?: string[]
  /** JWT schemes: header, algorithm and body-hash claim, for snippets. */
  jwtScheme?: JwtScheme
}
