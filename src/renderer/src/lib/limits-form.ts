// The storage and limits form: whole numbers as typed, to settings and back, errors said plainly.
import type { Settings } from '../../../shared/types'

export interface LimitsForm {
  maxSizeMb: string
  maxAgeDays: string
  minFreeDiskMb: string
  tunnelPerSecond: string
  localPerSecond: string
}

export type LimitSettings = Pick<Settings, 'retention' | 'rateLimit' | 'minFreeDiskMb'>

export function toLimitsForm(s: LimitSettings): LimitsForm {
  return {
    maxSizeMb: String(s.retention.maxSizeMb),
    maxAgeDays: String(s.retention.maxAgeDays),
    minFreeDiskMb: String(s.minFreeDiskMb),
    tunnelPerSecond: String(s.rateLimit.tunnelPerSecond),
    localPerSecond: String(s.rateLimit.localPerSecond)
  }
}

const FIELDS: { key: keyof LimitsForm; label: string; max: number }[] = [
  { key: 'maxSizeMb', label: 'Size cap (MB)', max: 16 * 1024 * 1024 },
  { key: 'maxAgeDays', label: 'Age cap (days)', max: 36_500 },
  { key: 'minFreeDiskMb', label: 'Minimum free disk (MB)', max: 1024 * 1024 },
  { key: 'tunnelPerSecond', label: 'Tunnel rate limit', max: 1_000_000 },
  { key: 'localPerSecond', label: 'Local rate limit', max: 1_000_000 }
]

export function fromLimitsForm(form: LimitsForm): { ok: true; settings: LimitSettings } | { ok: false; error: string } {
  const n: Partial<Record<keyof LimitsForm, number>> = {}
  for (const f of FIELDS) {
    const value = Number(form[f.key].trim() || 'x')
    if (!Number.isInteger(value) || value < 0 || value > f.max) return { ok: false, error: `${f.label} must be a whole number from 0 (off) to ${f.max}.` }
    n[f.key] = value
  }
  return {
    ok: true,
    settings: {
      retention: { maxSizeMb: n.maxSizeMb!, maxAgeDays: n.maxAgeDays! },
      rateLimit: { tunnelPerSecond: n.tunnelPerSecond!, localPerSecond: n.localPerSecond! },
      minFreeDiskMb: n.minFreeDiskMb!
    }
  }
}
