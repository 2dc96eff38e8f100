import { PROVIDERS, getProvider, isProviderId } from '../engine/providers/registry'
import { HookscopeError } from '../../shared/errors'

export interface SecretOption {
  provider: string
  value: string
}

/** Parses repeated `--secret PROVIDER=SECRET`. Errors name the provider, never echo the secret. */
export function parseSecretOptions(raw: unknown): SecretOption[] {
  if (raw === undefined) return []
  const items = Array.isArray(raw) ? raw : [raw]
  return items.map((item) => {
    const text = String(item)
    const eq = text.indexOf('=')
    if (eq <= 0) throw new HookscopeError('invalid_input', '--secret takes PROVIDER=SECRET, e.g. --secret callpaymin=whsec_...')
    const provider = text.slice(0, eq).trim().toLowerCase()
    const value = text.slice(eq + 1)
    if (!isProviderId(provider)) {
      throw new HookscopeError('invalid_input', `--secret: unknown provider "${provider.slice(0, 40)}"; one of ${PROVIDERS.map((p) => p.id).join(', ')}`)
    }
    if (!value) throw new HookscopeError('invalid_input', `--secret ${provider}=...: the secret is empty`)
    const problem = getProvider(provider)?.secretProblem?.(value)
    if (problem) throw new HookscopeError('invalid_input', `--secret ${provider}=...: ${problem}`)
    return { provider, value }
  })
}
