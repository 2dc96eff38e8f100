// Retention and flood limits (issue 16): pins, and what the database holds against its caps.
import { z } from 'zod'
import type { RequestSummary, StorageStatus } from '../types'

export const storageInputs = {
  pinRequest: z.object({ id: z.number().int().positive(), pinned: z.boolean() }).strict(),
  getStorage: z.void()
}

export interface StorageResults {
  /** The capture as it is now, or null when there is no such capture. */
  pinRequest: RequestSummary | null
  getStorage: StorageStatus
}
