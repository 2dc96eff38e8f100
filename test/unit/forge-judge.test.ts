import { describe, expect, it } from 'vitest'
import type { AdviceContext } from '../../src/main/engine/forge/advice'
import { judgeAll, judgeBurst, judgeTime } from '../../src/main/engine/forge/judge'
import type { OutboundResult } from '../../src/main/engine/outbound/send-http'

const c: AdviceContext = { provider: 'CallPayMin', header: 'X-CallPayMin-Signature', timestampHeader: 'timestamp', toleranceSec: 300, limit: '1.0 s', methods: 'POST', encoding: 'hex' }

const answer = (status: number, body = '{"received":true}', durationMs = 3): OutboundResult => ({
  answered: true,
  status,
  headers: [['Content-Type', 'application/json']],
  body: Buffer.from(body),
  bodyTruncated: false,
  durationMs,
  error: null,
  errorKind: null,
  sentHeaders: []
})

describe('forge judging', () => {
  it('a 5xx where a 4xx is due is a crash, with the timingSafeEqual advice', () => {
    const j = judgeAll('signature-wrong-length', [answer(500)], '4xx', c)
    expect(j).toMatchObject({ outcome: 'fail', observed: '500 in 3 ms' })
    expect(j.advice).toMatch(/timingSafeEqual/)
  })

  it('retry burst: duplicates said in answers 2–5 pass; identical silent answers warn; distinct answers are called out', () => {
    const dup = [answer(200), ...Array.from({ length: 4 }, () => answer(200, '{"received":true,"duplicate":true}'))]
    expect(judgeBurst(dup, c).outcome).toBe('pass')
    const silent = Array.from({ length: 5 }, () => answer(200))
    expect(judgeBurst(silent, c)).toMatchObject({ outcome: 'warn', observed: expect.stringContaining('no answer said "duplicate"') })
    const fresh = Array.from({ length: 5 }, (_, i) => answer(200, `{"record":"rec_${i}"}`))
    expect(judgeBurst(fresh, c).observed).toContain('every answer was different')
    expect(judgeBurst([answer(200), answer(500), answer(200), answer(200), answer(200)], c).outcome).toBe('fail')
  })

  it('answer time is judged against the provider limit, a timeout included', () => {
    expect(judgeTime(answer(200, '{}', 1300), 1000, c)).toMatchObject({ outcome: 'fail', observed: '200 in 1.3 s (limit 1.0 s)' })
    expect(judgeTime(answer(200, '{}', 20), 1000, c).outcome).toBe('pass')
    const timeout: OutboundResult = { ...answer(0), answered: false, status: null, error: 'No answer from x within 6 s.', errorKind: 'timeout' }
    expect(judgeTime(timeout, 1000, c).outcome).toBe('fail')
  })
})
