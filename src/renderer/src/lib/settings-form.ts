// Converting the settings form (plain strings a user types) to Settings and back, with errors in words.
import type { Header, Settings } from '../../../shared/types'

export interface SettingsForm {
  status: string
  headers: string
  body: string
  delayMs: string
  bodyLimitMiB: string
  /** The body and header values are templates reading the request (shared/template.ts). */
  template: boolean
}

const MIB = 1024 * 1024

/** The part of Settings this form edits (storage, limits and notifications have their own cards). */
export type AnswerSettings = Pick<Settings, 'response' | 'bodyLimitBytes'>

export function toForm(settings: AnswerSettings): SettingsForm {
  return {
    status: String(settings.response.status),
    headers: settings.response.headers.map(([n, v]) => `${n}: ${v}`).join('\n'),
    body: settings.response.body,
    delayMs: String(settings.response.delayMs),
    bodyLimitMiB: String(Math.round((settings.bodyLimitBytes / MIB) * 100) / 100),
    template: settings.response.template ?? false
  }
}

/** Settings from the form, or the first problem found, said plainly. */
export function fromForm(form: SettingsForm): { ok: true; settings: AnswerSettings } | { ok: false; error: string } {
  const status = Number(form.status)
  if (!Number.isInteger(status) || status < 100 || status > 599) return { ok: false, error: 'Status must be a number from 100 to 599.' }
  const delayMs = Number(form.delayMs || '0')
  if (!Number.isInteger(delayMs) || delayMs < 0 || delayMs > 600_000) {
    return { ok: false, error: 'Delay must be a whole number of milliseconds from 0 to 600000 (10 minutes).' }
  }
  const headers: Header[] = []
  for (const [i, line] of form.headers.split('\n').entries()) {
    if (line.trim() === '') continue
    const colon = line.indexOf(':')
    const name = colon < 0 ? '' : line.slice(0, colon).trim()
    if (!name || /[\s:]/.test(name)) return { ok: false, error: `Header line ${i + 1} should read "Name: value".` }
    headers.push([name, line.slice(colon + 1).trim()])
  }
  const limit = Number(form.bodyLimitMiB)
  if (!Number.isFinite(limit) || limit * MIB < 1024 || limit > 1024) {
    return { ok: false, error: 'Body limit must be between 0.001 and 1024 MiB.' }
  }
  const response = { status, headers, body: form.body, delayMs, ...(form.template ? { template: true } : {}) }
  return { ok: true, settings: { response, bodyLimitBytes: Math.round(limit * MIB) } }
}
