// serve's retention and flood-limit options. Like --respond they are saved as settings, so the
// desktop app opened on the same file shows (and keeps) them.
import type { Settings } from '../../shared/types'
import { callApi, type CliEngine } from './engine-access'
import { intOption } from './serve'
import type { VerbContext } from './verb'

export interface LimitOptions {
  maxSizeMb?: number
  maxAgeDays?: number
  rateLimit?: number
  minFreeDiskMb?: number
}

export function limitOptions(ctx: VerbContext): LimitOptions {
  return {
    maxSizeMb: intOption(ctx.values['max-size-mb'], '--max-size-mb (0 = no size cap)', 0, 16 * 1024 * 1024),
    maxAgeDays: intOption(ctx.values['max-age-days'], '--max-age-days (0 = no age cap)', 0, 36_500),
    rateLimit: intOption(ctx.values['rate-limit'], '--rate-limit (requests per second per client, 0 = off)', 0, 1_000_000),
    minFreeDiskMb: intOption(ctx.values['min-free-disk-mb'], '--min-free-disk-mb (0 = off)', 0, 1024 * 1024)
  }
}

export async function applyLimits(engine: CliEngine, o: LimitOptions): Promise<void> {
  const current = await callApi(engine, 'getSettings', undefined)
  const patch: Partial<Settings> = {}
  if (o.maxSizeMb !== undefined || o.maxAgeDays !== undefined) {
    patch.retention = { maxSizeMb: o.maxSizeMb ?? current.retention.maxSizeMb, maxAgeDays: o.maxAgeDays ?? current.retention.maxAgeDays }
  }
  // One limit for every client, through the tunnel or not.
  if (o.rateLimit !== undefined) patch.rateLimit = { tunnelPerSecond: o.rateLimit, localPerSecond: o.rateLimit }
  if (o.minFreeDiskMb !== undefined) patch.minFreeDiskMb = o.minFreeDiskMb
  if (Object.keys(patch).length) await callApi(engine, 'updateSettings', patch)
}
