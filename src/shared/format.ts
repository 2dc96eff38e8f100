// Sizes and durations for people, the same in engine messages, CLI output and the window.

/**
 * A size for people. `prose` (engine and CLI messages): "12 bytes", "1.5 KiB", "256 KiB" (a decimal
 * only when it says something). `cell` (the window's columns and cards, fixed width): "12 B",
 * "1.5 KB", "2.0 GB", always one decimal. Both count in 1024s.
 */
export function formatBytes(n: number, style: 'prose' | 'cell' = 'prose'): string {
  const units = style === 'prose' ? ['bytes', 'KiB', 'MiB', 'GiB'] : ['B', 'KB', 'MB', 'GB']
  let i = 0
  while (i < units.length - 1 && n >= 1024 ** (i + 1)) i++
  if (i === 0) return `${n} ${units[0]}`
  const value = (n / 1024 ** i).toFixed(1)
  return `${style === 'prose' ? +value : value} ${units[i]}`
}

/** "840 ms", "1.3 s", "12 s", "3.2 min"; an unknown duration is empty. */
export function formatMs(ms: number | null): string {
  if (ms === null) return ''
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms >= 10_000 ? 0 : 1)} s`
  return `${Math.round(ms / 6000) / 10} min`
}
