// Signatures: providers, endpoints with secrets, verification snippets. Secrets go in, never come out:
// results carry a masked hint ("whsec_…9f2a") only.
import { z } from 'zod'
import type { ResponseConfig } from '../types'
import { responseConfigSchema } from './core'

/**
 * A provider id's shape; which ids exist is the engine's registry (80+ presets), checked there, so
 * adding a provider touches no contract file.
 */
export const providerIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a provider id is lower-case letters, digits and dashes (see `hookscope providers`)')

const headerName = z.string().trim().min(1).max(100).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a header name has no spaces or separators')

export const genericSchemeSchema = z.object({
  header: headerName,
  algorithm: z.enum(['sha1', 'sha256', 'sha512']),
  encoding: z.enum(['hex', 'base64']),
  prefix: z.string().max(40),
  template: z.string().max(200).refine((t) => t.split('{body}').length === 2, 'the signed template must contain {body} exactly once'),
  timestampHeader: headerName.optional(),
  idHeader: headerName.optional(),
  secretKey: z.enum(['raw', 'whsec-base64']).default('raw')
})

const endpointPath = z
  .string()
  .trim()
  .min(2, 'An endpoint path looks like /callpaymin.')
  .max(200)
  .regex(/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/, 'An endpoint path starts with / and has no spaces, ? or #.')
  .transform((p) => (p.length > 1 ? p.replace(/\/+$/, '') : p))

const secretValue = z.string().min(1, 'the secret is empty').max(4096, 'the secret is longer than 4096 characters')
const id = z.number().int().positive()

export const signaturesInputs = {
  listProviders: z.void(),
  listEndpoints: z.void(),
  createEndpoint: z
    .object({
      path: endpointPath,
      name: z.string().trim().max(100).optional(),
      provider: providerIdSchema.nullable().optional(),
      generic: genericSchemeSchema.nullable().optional(),
      response: responseConfigSchema.nullable().optional(),
      secret: secretValue.optional()
    })
    .strict(),
  updateEndpoint: z
    .object({
      id,
      path: endpointPath.optional(),
      name: z.string().trim().max(100).optional(),
      provider: providerIdSchema.nullable().optional(),
      generic: genericSchemeSchema.nullable().optional(),
      response: responseConfigSchema.nullable().optional()
    })
    .strict(),
  deleteEndpoint: z.object({ id }).strict(),
  addSecret: z
    .object({
      endpointId: id.optional(),
      provider: providerIdSchema.optional(),
      label: z.string().trim().max(60).optional(),
      value: secretValue
    })
    .strict()
    .refine((v) => (v.endpointId === undefined) !== (v.provider === undefined), 'give either an endpoint or a provider for the secret'),
  removeSecret: z.object({ id: z.string().min(1).max(100) }).strict(),
  getSecretStorage: z.void(),
  getVerificationSnippet: z.object({ provider: providerIdSchema, generic: genericSchemeSchema.optional() }).strict()
}

export type SecretBackend = 'file' | 'safeStorage' | 'basic_text' | 'memory'

export interface ProviderInfo {
  id: string
  name: string
  signs: boolean
  signatureOptional: boolean
  scheme: string
  headers: string[]
  timestampToleranceSec: number | null
  methods: string[]
  contentType: string
  retry: { description: string; delaysMs: number[]; timeoutMs: number; disableAfterFailures: number | null }
  events: { type: string; description: string }[]
  /** Scheme family: hmac, url-signed, ed25519, ecdsa-p256, jwt, token, basic, unsigned. */
  family: string
  category: string | null
  /** What `--secret PROVIDER=VALUE` and the Endpoints view take: hmac-secret, whsec, public-key, token, basic, none. */
  secretFormat: string
  /** What to paste, when the format alone does not say it (shown in the secret field), else null. */
  secretHint: string | null
  /** 'sdk:<package>', 'docs' or 'seed-doc'. */
  confirmedBy: string
  /** True when only an endpoint set to this provider judges its deliveries (shared or too common headers). */
  endpointOnly: boolean
  /** Where the call id lives (FieldLocation strings, conditions in words), for grouping deliveries by call. */
  callId: string[]
}

export interface SecretInfo {
  id: string
  label: string
  /** Masked: format prefix and last 4 characters only. */
  hint: string
  createdAt: number
  /** Kept for this run only (serve --secret), not written to disk. */
  session: boolean
}

export interface EndpointInfo {
  id: number
  path: string
  name: string
  provider: string | null
  generic: z.output<typeof genericSchemeSchema> | null
  response: ResponseConfig | null
  secrets: SecretInfo[]
  createdAt: number
  requestCount: number
}

export interface SecretStorageInfo {
  backend: SecretBackend
  /** Plain words when the storage is weaker than it sounds (Linux without a keyring), else null. */
  warning: string | null
  loadError: string | null
  providerSecrets: { provider: string; secrets: SecretInfo[] }[]
}

export interface VerificationSnippet {
  provider: string
  node: string
  python: string
  notes: string[]
}

export interface SignaturesResults {
  listProviders: ProviderInfo[]
  listEndpoints: EndpointInfo[]
  createEndpoint: EndpointInfo
  updateEndpoint: EndpointInfo
  deleteEndpoint: { deleted: boolean }
  addSecret: { secret: SecretInfo; reverified: number }
  removeSecret: { removed: boolean; reverified: number }
  getSecretStorage: SecretStorageInfo
  getVerificationSnippet: VerificationSnippet
}
