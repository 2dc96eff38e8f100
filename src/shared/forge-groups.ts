// A target that is down or hangs gives every check the same "no answer": the report says it once,
// with how many checks it hit, instead of repeating one error per check. Shared by the report card and
// the Markdown/CLI report.
import type { ForgeCheckResult } from './api/forge'

export interface CheckGroup {
  /** One check, or several unanswered checks with the same error (in run order; shown where the first one ran). */
  checks: ForgeCheckResult[]
}

/** Groups unanswered checks whose observed error is the same (checks in between are kept in place). */
export function groupRepeatedErrors(checks: ForgeCheckResult[]): CheckGroup[] {
  const groups: CheckGroup[] = []
  const byError = new Map<string, CheckGroup>()
  for (const check of checks) {
    if (check.outcome !== 'error') {
      groups.push({ checks: [check] })
      continue
    }
    const key = `${normalize(check.observed)}\n${normalize(check.advice ?? '')}`
    const group = byError.get(key)
    if (group) group.checks.push(check)
    else {
      const created = { checks: [check] }
      byError.set(key, created)
      groups.push(created)
    }
  }
  return groups
}

/** "Cancelled after 1.2 s" and "after 3.4 s" are the same error; durations differ from check to check. */
const normalize = (text: string): string => text.replace(/\d+(\.\d+)? ?(ms|s)\b/g, 'T')
