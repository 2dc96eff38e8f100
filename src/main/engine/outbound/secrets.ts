import type { SignatureService } from '../signatures/service'

/** Finds the stored secret for a provider (and the endpoint a capture arrived at). */
export type SecretResolver = (provider: string, endpointPath: string | null) => string | null

/**
 * The signing secret for re-signing and sends when the user typed none: the newest secret of the endpoint
 * the capture arrived at (captures record the endpoint's path), else the newest stored for the provider.
 * Read from the signatures feature's vault at the moment of use; never logged or returned by the Api.
 */
export function storedSecrets(signatures: Pick<SignatureService, 'endpoints' | 'vault'>): SecretResolver {
  return (provider, endpointPath) => {
    const endpoint = endpointPath ? signatures.endpoints.all().find((e) => e.path === endpointPath) : undefined
    const scopes = [...(endpoint && (endpoint.provider === provider || endpoint.provider === null) ? [`endpoint:${endpoint.id}`] : []), `provider:${provider}`]
    for (const scope of scopes) {
      const newest = signatures.vault.list(scope).sort((a, b) => b.createdAt - a.createdAt)[0]
      if (newest) return newest.value
    }
    return null
  }
}
