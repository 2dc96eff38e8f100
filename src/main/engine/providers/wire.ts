// A sample event in the provider's own wire format: what its content type says, never JSON sent as a
// form (the inspector would then show one form field holding the whole document).
import type { Provider } from './types'

export const sendsForm = (provider: Pick<Provider, 'contentType'>): boolean => /x-www-form-urlencoded/i.test(provider.contentType)

/** Form providers (Twilio): name=value pairs of the sample's fields; others: JSON, indented for editing when asked. */
export function encodeSample(provider: Pick<Provider, 'contentType'>, sample: unknown, options: { pretty?: boolean } = {}): string {
  if (sendsForm(provider)) return new URLSearchParams(formFields(sample)).toString()
  return options.pretty ? JSON.stringify(sample, null, 2) : JSON.stringify(sample)
}

/** Reads a body written by encodeSample back into an object (form fields as strings). */
export function decodeSample(provider: Pick<Provider, 'contentType'>, text: string): unknown {
  return sendsForm(provider) ? Object.fromEntries(new URLSearchParams(text)) : JSON.parse(text)
}

/** A flat object's fields as strings; nested values (not something a form carries) as JSON text. */
function formFields(sample: unknown): [string, string][] {
  if (!sample || typeof sample !== 'object') return []
  return Object.entries(sample as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)])
}
