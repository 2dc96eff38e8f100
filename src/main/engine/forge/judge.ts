// Turns answers into verdicts: which status classes a check wants, what was seen, which advice applies.
import type { ForgeCheckId, ForgeOutcome } from '../../../shared/api/forge'
import { formatMs } from '../../../shared/format'
import type { OutboundResult } from '../outbound/send-http'
import { adviceFor, type AdviceContext, type FailureMode } from './advice'

export interface Judged {
  outcome: ForgeOutcome
  observed: string
  advice: string | null
}

export type Want = '2xx' | '4xx'

export const describeAnswer = (r: OutboundResult): string =>
  r.answered ? `${r.status} in ${formatMs(r.durationMs)}` : (r.error ?? 'no answer')

/** The failure mode of one answer against what the check wants; null when the answer is right. */
export function failureOf(r: OutboundResult, want: Want): FailureMode | null {
  const s = r.status ?? 0
  if (s >= 500) return 'crashed'
  if (want === '2xx') {
    if (s >= 200 && s < 300) return null
    return s >= 300 && s < 400 ? 'redirected' : 'rejected'
  }
  if (s >= 400 && s < 500) return null
  return s >= 300 && s < 400 ? 'redirected' : 'accepted'
}

/** The first delivery that got no answer, as an `error` verdict; null when every one was answered. */
export function unanswered(results: OutboundResult[]): Judged | null {
  const miss = results.find((r) => !r.answered)
  if (!miss) return null
  return {
    outcome: 'error',
    observed: miss.error ?? 'no answer',
    advice: `No answer, so this check could not be judged: ${miss.error ?? 'the target did not answer.'}`
  }
}

/** Every answer must be in the wanted class; the first wrong one decides the advice. */
export function judgeAll(id: ForgeCheckId, results: OutboundResult[], want: Want, c: AdviceContext, observed?: string): Judged {
  const none = unanswered(results)
  if (none) return none
  const seen = observed ?? results.map(describeAnswer).join(', ')
  const index = results.findIndex((r) => failureOf(r, want) !== null)
  if (index === -1) return { outcome: 'pass', observed: seen, advice: null }
  const mode = failureOf(results[index], want)!
  if (mode === 'redirected') {
    const advice = `The handler answered with a redirect (${results[index].status}), which webhook senders do not follow: give ${c.provider} (and Hookscope) the final URL, without the slash or http→https redirect.`
    return { outcome: 'fail', observed: seen, advice }
  }
  return { outcome: 'fail', observed: seen, advice: adviceFor(id, mode, c) }
}

const DUPLICATE_SIGNAL = /duplicate|already (been )?(processed|received|handled|seen)|idempoten|replay/i

/** Whether an answer says, in its body or headers, that the event was a repeat. */
export function saysDuplicate(r: OutboundResult): boolean {
  if (!r.answered) return false
  if (r.headers.some(([n, v]) => DUPLICATE_SIGNAL.test(n) || DUPLICATE_SIGNAL.test(v))) return true
  return DUPLICATE_SIGNAL.test(r.body.subarray(0, 4096).toString('utf8'))
}

export function judgeBurst(results: OutboundResult[], c: AdviceContext): Judged {
  const base = judgeAll('retry-burst', results, '2xx', c, summarize(results))
  if (base.outcome !== 'pass') return base
  const repeats = results.slice(1).filter(saysDuplicate).length
  if (repeats === results.length - 1) {
    return { outcome: 'pass', observed: `${base.observed}; answers 2–${results.length} said the event was a duplicate`, advice: null }
  }
  // Every answer different (a new record id each time, say) is the visible trace of five separate events.
  const distinct = new Set(results.map((r) => r.body.toString('utf8'))).size === results.length
  const seen = distinct ? 'every answer was different, as if each attempt created a new event' : 'no answer said "duplicate"'
  return { outcome: 'warn', observed: `${base.observed}; ${seen}`, advice: adviceFor('retry-burst', 'unobserved', c) }
}

/** "5 × 200 in 3–9 ms" rather than five identical entries. */
export function summarize(results: OutboundResult[]): string {
  const none = results.find((r) => !r.answered)
  if (none) return none.error ?? 'no answer'
  const statuses = [...new Set(results.map((r) => r.status))]
  const times = results.map((r) => r.durationMs)
  const range = `${formatMs(Math.min(...times))}–${formatMs(Math.max(...times))}`
  return statuses.length === 1 ? `${results.length} × ${statuses[0]} in ${range}` : `${results.map((r) => r.status).join(', ')} in ${range}`
}

export function judgeTime(r: OutboundResult, limitMs: number, c: AdviceContext): Judged {
  if (!r.answered && r.errorKind !== 'timeout') return unanswered([r])!
  const observed = r.answered ? `${describeAnswer(r)} (limit ${formatMs(limitMs)})` : `${r.error} (limit ${formatMs(limitMs)})`
  if (r.answered && r.durationMs <= limitMs) return { outcome: 'pass', observed, advice: null }
  return { outcome: 'fail', observed, advice: adviceFor('answer-time', 'slow', c) }
}
