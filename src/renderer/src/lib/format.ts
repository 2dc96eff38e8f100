export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} B`
}

// One formatter for every call: toLocaleTimeString builds a new Intl formatter each time, which was
// 18% of the main thread during a live burst, when every visible row re-rendered on each batch.
let timeFormat: Intl.DateTimeFormat | undefined

export function formatTime(ms: number): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false })
  return timeFormat.format(ms) + '.' + String(new Date(ms).getMilliseconds()).padStart(3, '0')
}

export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  return `${d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} ${formatTime(ms)}`
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '-'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}
