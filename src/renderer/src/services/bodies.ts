import type { DecodedBody } from '../../../shared/api/core'
import { api } from './api'

/** The body undone from its Content-Encoding by the engine (which caps it against zip bombs). */
export async function fetchDecodedBody(id: number): Promise<DecodedBody> {
  const decoded = await api().getDecodedBody({ id })
  if (!decoded) throw new Error('This request no longer exists.')
  return decoded
}
