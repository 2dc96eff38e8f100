// Event-type patterns of forwarding rules: an exact type (`call.ended`), a glob (`call.*`, `*.failed`)
// or `*` for any. Compiled once per pattern: rules are matched on every capture.

const ALLOWED = /^[A-Za-z0-9._:/*-]+$/

/** Why a pattern can never match anything, in words; null when it is fine. */
export function eventPatternProblem(pattern: string): string | null {
  if (pattern.trim() !== pattern || pattern === '') return `The event type pattern "${pattern}" has spaces around it; event types have none.`
  if (!ALLOWED.test(pattern)) {
    return `The event type pattern "${pattern}" can never match: event types are letters, digits and . _ - : /, and * stands for any run of characters (e.g. call.* or call.ended).`
  }
  return null
}

const compiled = new Map<string, RegExp>()

function compile(pattern: string): RegExp {
  let re = compiled.get(pattern)
  if (!re) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.\\/+?^${}()|[\]-]/g, '\\$&'))
      .join('.*')
    re = new RegExp(`^${body}$`)
    if (compiled.size > 1000) compiled.clear()
    compiled.set(pattern, re)
  }
  return re
}

/** Whether an event type matches a rule's pattern; `*` (or no pattern) also takes deliveries without a type. */
export function eventMatches(pattern: string | null, eventType: string | null): boolean {
  if (pattern === null || pattern === '*') return true
  if (eventType === null) return false
  if (!pattern.includes('*')) return pattern === eventType
  return compile(pattern).test(eventType)
}
