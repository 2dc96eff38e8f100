import { BODY_CHUNK_BYTES, type DecodedBody } from '../../../shared/api/core'
import { HookscopeError } from '../../../shared/errors'
import type { CapturedRequest } from '../../../shared/types'
import { api } from './api'

/** The body undone from its Content-Encoding by the engine (which caps it against zip bombs). */
export async function fetchDecodedBody(id: number): Promise<DecodedBody> {
  const decoded = await api().getDecodedBody({ id })
  if (!decoded) throw new HookscopeError('not_found', 'This request no longer exists.')
  if (decoded.ok && decoded.bodyOmitted) return { ...decoded, bodyBase64: await readInChunks(id, true) }
  return decoded
}

/** The exact bytes as received (base64), read in chunks when they were too big to travel inline. */
export async function fetchWireBody(request: CapturedRequest): Promise<string> {
  return request.bodyOmitted ? readInChunks(request.id, false) : request.bodyBase64
}

/**
 * Many small messages instead of one of tens of megabytes: each is parsed in a few milliseconds,
 * so the window keeps painting while a big body arrives.
 */
async function readInChunks(id: number, decoded: boolean): Promise<string> {
  const parts: string[] = []
  let offset = 0
  let total = Infinity
  while (offset < total) {
    const chunk = await api().readBody({ id, decoded, offset, length: BODY_CHUNK_BYTES })
    if (!chunk) throw new HookscopeError('not_found', 'This request no longer exists.')
    parts.push(chunk.base64)
    total = chunk.total
    offset += BODY_CHUNK_BYTES
  }
  return parts.join('')
}
