import { callpaymin } from './callpaymin'
import type { Provider, ProviderId } from './types'

/** Every provider module, in the order detection tries them. */
export const PROVIDERS: Provider[] = [callpaymin]

export function getProvider(id: string): Provider | undefined {
  return PROVIDERS.find((p) => p.id === id)
}
