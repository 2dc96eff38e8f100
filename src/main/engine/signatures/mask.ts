/** What a user may see of a secret: its format prefix and last 4 characters ("whsec_…9f2a"). Never more. */
export function secretHint(value: string): string {
  const prefix = /^(whsec_|sk_live_|sk_test_|ek_live_|ek_test_)/.exec(value)?.[1] ?? ''
  if (value.length < 12) return `${prefix}…`
  return `${prefix}…${value.slice(-4)}`
}

