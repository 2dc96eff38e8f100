// JSON.parse turns 123456789012345678901234567890 into 1.2345678901234568e+29, 1e400 into Infinity
// and -0 into 0. An inspector must show the digits that arrived, so such numbers are kept as their
// source text (JSON.parse source text access, in Chromium since 114).

/** Marks a number whose double value would not print as it arrived. Display only, so spoofing it is harmless. */
export const RAW_NUMBER_KEY = '\u0000hookscope-raw-number'

export interface RawNumber {
  [RAW_NUMBER_KEY]: string
}

/** Cheap pre-check (false positives only cost a second parse): long digit runs, big exponents, -0, trailing zeros. */
const SUSPECT = /\d{16,}|[eE][+-]?\d{3,}|-0(?![.\d1-9])|\.\d*0(?!\d)|\d\.\d{16,}/

type SourceReviver = (key: string, value: unknown, context?: { source?: string }) => unknown

const keepSource: SourceReviver = (_key, value, context) => {
  if (typeof value !== 'number' || context?.source === undefined) return value
  return context.source === String(value) ? value : ({ [RAW_NUMBER_KEY]: context.source } satisfies RawNumber)
}

export function parseJsonFaithfully(text: string): unknown {
  const value: unknown = JSON.parse(text)
  if (!SUSPECT.test(text)) return value
  return JSON.parse(text, keepSource as (this: unknown, key: string, value: unknown) => unknown)
}

export function rawNumberText(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const raw = (value as Record<string, unknown>)[RAW_NUMBER_KEY]
  return typeof raw === 'string' && Object.keys(value).length === 1 ? raw : null
}
