import { describe, expect, it } from 'vitest'
import type { ForgeCheckResult, ForgeReport } from '../../src/shared/api/forge'
import { reportJson, reportMarkdown, scoreOf } from '../../src/main/engine/forge/report'

const check = (id: ForgeCheckResult['id'], outcome: ForgeCheckResult['outcome'], extra: Partial<ForgeCheckResult> = {}): ForgeCheckResult => ({
  id,
  title: id,
  expected: '4xx',
  observed: '401 in 3 ms',
  outcome,
  pass: outcome === 'pass' || outcome === 'warn',
  advice: null,
  exchanges: [],
  ...extra
})

function report(checks: ForgeCheckResult[]): ForgeReport {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    provider: 'callpaymin',
    providerName: 'CallPayMin',
    targetUrl: 'http://127.0.0.1:3000/webhooks',
    startedAt: 0,
    finishedAt: 1,
    status: 'finished',
    error: null,
    checks,
    ...scoreOf(checks)
  }
}

describe('forge report', () => {
  it('scores passes 1, warnings half, failures and unanswered 0, and leaves skipped checks out', () => {
    const { score, counts } = scoreOf([check('valid-delivery', 'pass'), check('retry-burst', 'warn'), check('wrong-secret', 'fail'), check('stale-timestamp', 'skip')])
    expect(score).toBe(50)
    expect(counts).toEqual({ pass: 1, warn: 1, fail: 1, error: 0, skip: 1 })
  })

  it('keeps hostile answers inside their code fence and table cells intact in Markdown', () => {
    const hostile = 'x | y\n```\n# injected heading\n<script>alert(1)</script>'
    const r = report([
      check('missing-signature', 'fail', {
        observed: '500 | boom',
        advice: 'Answer 401.',
        exchanges: [
          {
            deliveryId: 7,
            label: 'unsigned',
            sent: { method: 'POST', url: 'http://127.0.0.1:3000/webhooks', headers: [['Content-Type', 'application/json']], body: '{}', bodySize: 2 },
            received: { status: 500, headers: [], body: hostile, bodySize: hostile.length, durationMs: 3, error: null }
          }
        ]
      })
    ])
    const md = reportMarkdown(r)
    expect(md).toContain('| missing-signature | 4xx | 500 \\| boom | FAIL | Answer 401. |')
    // The answer sits in a fence longer than any backtick run inside it.
    const fenceLine = md.split('\n').find((l) => /^`{4,}$/.test(l))
    expect(fenceLine).toBe('````')
    const lines = md.split('\n')
    const open = lines.indexOf('````', lines.findIndex((l) => l.startsWith('HTTP 500')) - 3)
    expect(lines.slice(open + 1).indexOf('````')).toBeGreaterThan(lines.slice(open + 1).indexOf('# injected heading'))
  })

  it('JSON export lists each check with id, expected, observed, pass and advice', () => {
    const json = reportJson(report([check('wrong-secret', 'fail', { advice: 'Reject it.' })])) as { checks: Record<string, unknown>[] }
    expect(json.checks[0]).toMatchObject({ id: 'wrong-secret', expected: '4xx', observed: '401 in 3 ms', pass: false, advice: 'Reject it.' })
  })
})
