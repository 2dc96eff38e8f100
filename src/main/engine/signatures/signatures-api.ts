import type { ProviderInfo } from '../../../shared/api/signatures'
import type { ApiHandlers } from '../api-handlers'
import { describeCallIdLocation } from '../calls/call-id'
import { isProviderId, PROVIDERS } from '../providers/registry'
import type { Provider } from '../providers/types'
import type { SignatureService } from './service'
import { verificationSnippet } from './snippets'
import { HookscopeError } from '../../../shared/errors'

type SignatureMethods =
  | 'listProviders'
  | 'listEndpoints'
  | 'createEndpoint'
  | 'updateEndpoint'
  | 'deleteEndpoint'
  | 'addSecret'
  | 'removeSecret'
  | 'getSecretStorage'
  | 'getVerificationSnippet'

export function providerInfo(p: Provider): ProviderInfo {
  return {
    id: p.id,
    name: p.name,
    signs: p.signs,
    signatureOptional: p.signatureOptional ?? false,
    scheme: p.scheme ?? '',
    headers: p.signatureHeaders,
    timestampToleranceSec: p.timestampToleranceSec ?? null,
    methods: p.methods,
    contentType: p.contentType,
    retry: {
      description: p.retry.description,
      delaysMs: p.retry.delaysMs,
      timeoutMs: p.retry.timeoutMs,
      disableAfterFailures: p.retry.disableAfterFailures ?? null
    },
    events: p.events.map((e) => ({ type: e.type, description: e.description })),
    family: familyOf(p),
    category: p.category ?? null,
    secretFormat: p.secretFormat ?? (p.signs ? (p.summary?.key === 'whsec-base64' ? 'whsec' : 'hmac-secret') : 'none'),
    secretHint: p.secretHint ?? null,
    confirmedBy: p.confirmedBy ? (p.confirmedBy.by === 'sdk' ? `sdk:${p.confirmedBy.package}` : p.confirmedBy.by) : 'seed-doc',
    endpointOnly: p.detectVia === 'endpoint' || p.id === 'generic',
    callId: (p.callId ?? []).map(describeCallIdLocation)
  }
}

export function familyOf(p: Provider): string {
  return p.family ?? (p.summary ? 'hmac' : 'unsigned')
}

/** Providers, endpoints and secrets. Secrets enter here and leave only as masked hints. */
export function signaturesApi(signatures: SignatureService): Pick<ApiHandlers, SignatureMethods> {
  const sig = (): SignatureService => signatures
  return {
    listProviders: () => PROVIDERS.map(providerInfo),
    listEndpoints: () => sig().endpointInfos(),
    createEndpoint: ({ secret, ...f }) =>
      known(f.provider) &&
      sig().createEndpoint(
        { path: f.path, name: f.name || f.path, provider: f.provider ?? null, generic: f.generic ?? null, response: f.response ?? null },
        secret
      ),
    updateEndpoint: ({ id, ...patch }) => known(patch.provider) && sig().updateEndpoint(id, stripUndefined(patch)),
    deleteEndpoint: ({ id }) => ({ deleted: sig().deleteEndpoint(id) }),
    addSecret: ({ endpointId, provider, label, value }) => known(provider) && sig().addSecret({ endpointId, provider }, value, label),
    removeSecret: ({ id }) => sig().removeSecret(id),
    getSecretStorage: () => sig().storage(),
    getVerificationSnippet: ({ provider, generic }) => known(provider) && verificationSnippet(provider, generic)
  }
}

/** The transports check an id's shape; whether it exists is the registry's to say. */
function known(provider: string | null | undefined): true {
  if (provider && !isProviderId(provider)) {
    throw new HookscopeError('invalid_input', `provider must be one of: ${PROVIDERS.map((p) => p.id).join(', ')} (not "${provider.slice(0, 40)}")`)
  }
  return true
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
