/**
 * The colour of an HTTP status: 2xx good, 5xx bad, anything else a warning. `none` is the tone of no
 * status at all, which means different things by place (no answer yet in a list, a failed delivery).
 */
export function statusTone<T extends string>(status: number | null, none: T): 'good' | 'warn' | 'bad' | T {
  if (status === null) return none
  if (status >= 200 && status < 300) return 'good'
  return status >= 500 ? 'bad' : 'warn'
}

// One formatter for every call: toLocaleTimeString builds a new Intl formatter each time, which was
// 18% of the main thread during a live burst, when every visible row re-rendered on each batch.
let timeFormat: Intl.DateTimeFormat | undefined

export function formatTime(ms: number): string {
  return formatClock(ms) + '.' + String(new Date(ms).getMilliseconds()).padStart(3, '0')
}

/** Hours, minutes and seconds on the 24-hour clock the list uses (a countdown's "at 14:03:16"). */
export function formatClock(ms: number): string {
  timeFormat ??= new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', second: 'numeric', hour12: false })
  return timeFormat.format(ms)
}

let dayFormat: Intl.DateTimeFormat | undefined
let shortTimeFormat: Intl.DateTimeFormat | undefined

/**
 * A list's time column: the time of day for today's captures; for older ones (an imported HAR, last
 * week's deliveries) the date and minute, so they do not pass for today's. Same width either way.
 */
export function formatListTime(ms: number, now = new Date()): string {
  const d = new Date(ms)
  if (d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate()) return formatTime(ms)
  dayFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' })
  shortTimeFormat ??= new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: 'numeric', hour12: false })
  return `${dayFormat.format(ms)} ${shortTimeFormat.format(ms)}`
}

export function formatDateTime(ms: number): string {
  const d = new Date(ms)
  return `${d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} ${formatTime(ms)}`
}

export function formatDuration(ms: number | null): string {
  if (ms === null) return '-'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}
