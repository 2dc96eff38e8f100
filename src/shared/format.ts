// Sizes and durations for people, the same in engine messages, CLI output and the window.

/** "512 B", "1.5 KiB", "256 KiB", "64 MiB", "1.2 GiB" (binary units; one decimal, dropped when it is 0). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 * 1024) return `${+(n / 1024 / 1024 / 1024).toFixed(1)} GiB`
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MiB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`
  return `${n} B`
}

/** "840 ms", "1.3 s", "12 s", "3.2 min"; an unknown duration is empty. */
export function formatMs(ms: number | null): string {
  if (ms === null) return ''
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`
  return `${Math.round(ms / 6000) / 10} min`
}
