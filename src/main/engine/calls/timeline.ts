// Judges one call from its deliveries in arrival order: state, repeats, order and deadline flags. Pure.
import type { CallDelivery, CallFlag, CallSummary } from '../../../shared/api/calls'
import { rankOf, type CallSpec } from './call-id'

/** A stored delivery of a call, as the call store reads it. */
export interface CallRow {
  id: number
  receivedAt: number
  eventType: string | null
  eventId: string | null
  bodySha256: string
  responseStatus: number | null
  durationMs: number | null
  delayMs: number | null
}

export interface JudgeOptions {
  provider: string
  callId: string
  spec: CallSpec
  deadlineMs: number | null
  now: number
  missingFinalAfterMs: number
  truncated?: boolean
}

/** Rows must be in arrival order (ascending id). */
export function judgeCall(rows: CallRow[], o: JudgeOptions): CallSummary {
  const firstByKey = new Map<string, { first: number; last: CallDelivery }>()
  const deliveries: CallDelivery[] = []
  let maxRank = -1
  let furthest: { rank: number; type: string } | null = null
  let ended = false
  for (const row of rows) {
    const flags: CallFlag[] = []
    const answerMs = row.durationMs === null ? null : round(row.durationMs + (row.delayMs ?? 0))
    if (answerMs !== null && o.deadlineMs !== null && answerMs > o.deadlineMs) flags.push('late-answer')
    const key = repeatKey(row, o.spec)
    const seen = firstByKey.get(key)
    const delivery: CallDelivery = {
      id: row.id,
      eventType: row.eventType,
      eventId: row.eventId,
      receivedAt: row.receivedAt,
      responseStatus: row.responseStatus,
      answerMs,
      flags,
      repeatOf: seen?.first ?? null,
      repeat: seen ? (answeredWell(seen.last, o.deadlineMs) ? 'duplicate' : 'retry') : null
    }
    if (seen) {
      flags.push('duplicate')
      seen.last = delivery
    } else {
      firstByKey.set(key, { first: row.id, last: delivery })
      // Only first deliveries are order-checked: a retry of an early event is late by design.
      const rank = rankOf(o.spec, row.eventType)
      if (rank !== null) {
        if (rank < maxRank) flags.push('out-of-order')
        maxRank = Math.max(maxRank, rank)
        if (!furthest || rank >= furthest.rank) furthest = { rank, type: row.eventType as string }
      }
    }
    if (row.eventType && o.spec.terminal.includes(row.eventType)) ended = true
    deliveries.push(delivery)
  }
  const last = rows[rows.length - 1]
  const callFlags = new Set<CallFlag>()
  for (const d of deliveries) {
    d.flags = FLAG_ORDER.filter((f) => d.flags.includes(f))
    for (const f of d.flags) callFlags.add(f)
  }
  if (!ended && o.spec.terminal.length > 0 && last && o.now - last.receivedAt > o.missingFinalAfterMs) callFlags.add('missing-final')
  return {
    provider: o.provider,
    callId: o.callId,
    firstAt: rows[0]?.receivedAt ?? 0,
    lastAt: last?.receivedAt ?? 0,
    state: furthest?.type ?? [...rows].reverse().find((r) => r.eventType)?.eventType ?? null,
    ended,
    deadlineMs: o.deadlineMs,
    deliveries,
    flags: FLAG_ORDER.filter((f) => callFlags.has(f)),
    ...(o.truncated ? { truncated: true } : {})
  }
}

const FLAG_ORDER: CallFlag[] = ['out-of-order', 'duplicate', 'missing-final', 'late-answer']

function repeatKey(row: CallRow, spec: CallSpec): string {
  if (spec.eventIdIsUnique && row.eventId) return `id\u0000${row.eventId}`
  return `${row.eventType ?? ''}\u0000${row.eventId ?? ''}\u0000${row.bodySha256}`
}

function answeredWell(d: CallDelivery, deadlineMs: number | null): boolean {
  const ok = d.responseStatus !== null && d.responseStatus >= 200 && d.responseStatus < 300
  return ok && !(deadlineMs !== null && d.answerMs !== null && d.answerMs > deadlineMs)
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000
}
