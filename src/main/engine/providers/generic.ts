import type { z } from 'zod'
import type { genericSchemeSchema } from '../../../shared/api/signatures'
import { defineHmacProvider } from './hmac-scheme'
import { isoNow, rid, str } from './samples'
import type { Provider } from './types'

/** A user-defined HMAC scheme (validated by the Api's schema). */
export type GenericConfig = z.output<typeof genericSchemeSchema>

export const DEFAULT_GENERIC: GenericConfig = {
  header: 'X-Signature',
  algorithm: 'sha256',
  encoding: 'hex',
  prefix: '',
  template: '{body}',
  secretKey: 'raw'
}

/** A user-defined HMAC scheme: any header, algorithm, encoding, prefix and signed template. */
export function createGenericProvider(config: GenericConfig = DEFAULT_GENERIC): Provider {
  const words = `${config.encoding} HMAC-${config.algorithm.toUpperCase()} of "${config.template}"`
  return defineHmacProvider({
    id: 'generic',
    name: 'Generic HMAC',
    scheme: `${config.header}: "${config.prefix}<${words}>" (user-defined).`,
    summary: {
      algorithm: config.algorithm,
      encoding: config.encoding,
      signatureHeader: config.header,
      timestampHeader: config.timestampHeader || undefined,
      idHeader: config.idHeader || undefined,
      prefix: config.prefix,
      template: config.template,
      key: config.secretKey
    },
    eventOf: (body) => ({ type: str(body, 'type') ?? str(body, 'event'), id: str(body, 'id') }),
    events: [
      { type: 'test.event', description: 'A generic JSON event', sample: () => ({ id: rid('evt_'), type: 'test.event', created_at: isoNow(), data: { message: 'hello from Hookscope' } }) }
    ],
    retry: { delaysMs: [], timeoutMs: 10_000, description: 'Depends on the sender; none assumed.' },
    methods: ['POST'],
    contentType: 'application/json'
  })
}

export const generic = createGenericProvider()
