import { describe, expect, it } from 'vitest'
import { FailureNotices } from '../../src/main/shell/failure-notice'
import type { RequestSummary, VerdictStatus } from '../../src/shared/types'

let nextId = 1
function delivery(status: VerdictStatus, extra: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: nextId++,
    receivedAt: 0,
    endpoint: null,
    method: 'POST',
    path: '/hooks',
    bodySize: 2,
    bodySha256: '',
    bodyTruncated: false,
    contentType: 'application/json',
    contentEncoding: null,
    remoteAddress: '127.0.0.1',
    viaTunnel: false,
    forwardedFor: null,
    provider: 'callpaymin',
    eventType: 'call.ended',
    eventId: null,
    callId: null,
    pinned: false,
    verdict: { status, detail: '' },
    responseStatus: 200,
    durationMs: 1,
    note: null,
    ...extra
  }
}

const background = { enabled: true, windowFocused: false }

describe('failed-verification notices', () => {
  it('notify only for invalid and stale verdicts', () => {
    for (const status of ['valid', 'missing', 'unsigned', 'no-secret', 'unknown'] as const) {
      expect(new FailureNotices().observe([delivery(status)], background)).toBeNull()
    }
    const invalid = delivery('invalid')
    expect(new FailureNotices().observe([invalid], background)).toEqual({
      title: 'A delivery failed verification',
      body: 'callpaymin call.ended: signature does not match.',
      requestId: invalid.id
    })
    expect(new FailureNotices().observe([delivery('stale', { provider: null, eventType: null, path: '/cc' })], background)?.body).toBe(
      'Unknown sender POST /cc: timestamp too old.'
    )
  })

  it('stay silent when the setting is off (the default) or the window is in front', () => {
    const notices = new FailureNotices()
    expect(notices.observe([delivery('invalid')], { enabled: false, windowFocused: false })).toBeNull()
    expect(notices.observe([delivery('invalid')], { enabled: true, windowFocused: true })).toBeNull()
    expect(notices.observe([delivery('invalid')], background)).not.toBeNull()
  })

  it('a flood gives one notice per interval, and the next one counts what was held back', () => {
    let now = 1_000_000
    const notices = new FailureNotices(60_000, () => now)
    const shown = []
    for (let batch = 0; batch < 200; batch++) {
      const notice = notices.observe(Array.from({ length: 50 }, () => delivery('invalid')), background)
      if (notice) shown.push(notice)
      now += 50
    }
    // 10,000 failures over 10 s: one notice.
    expect(shown).toHaveLength(1)
    expect(shown[0].title).toBe('50 deliveries failed verification')
    now += 60_000
    const next = notices.observe([delivery('stale')], background)
    expect(next?.title).toBe(`${199 * 50 + 1} deliveries failed verification`)
    expect(next?.body).toBe('Latest: callpaymin call.ended: timestamp too old.')
  })

  it('forgets held-back failures once the user has looked at the window', () => {
    let now = 0
    const notices = new FailureNotices(60_000, () => now)
    notices.observe([delivery('invalid')], background)
    notices.observe([delivery('invalid'), delivery('invalid')], background)
    notices.windowFocused()
    now += 60_000
    expect(notices.observe([delivery('invalid')], background)?.title).toBe('A delivery failed verification')
  })

  it('shows sender-controlled text as one bounded line', () => {
    const hostile = delivery('invalid', { eventType: `call.ended\n\u202eevil${'x'.repeat(500)}` })
    const body = new FailureNotices().observe([hostile], background)!.body
    expect(body).not.toMatch(/[\n\u202e]/)
    expect(body.length).toBeLessThanOrEqual(180)
  })
})
