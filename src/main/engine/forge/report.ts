// The report card: score, and the exports (JSON for machines, Markdown for a pull request or a ticket).
import type { ForgeCheckResult, ForgeOutcome, ForgeReport } from '../../../shared/api/forge'
import type { Header } from '../../../shared/types'

const CREDIT: Record<ForgeOutcome, number | null> = { pass: 1, warn: 0.5, fail: 0, error: 0, skip: null }

export function scoreOf(checks: ForgeCheckResult[]): { score: number; counts: Record<ForgeOutcome, number> } {
  const counts: Record<ForgeOutcome, number> = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 }
  let earned = 0
  let counted = 0
  for (const c of checks) {
    counts[c.outcome]++
    const credit = CREDIT[c.outcome]
    if (credit === null) continue
    earned += credit
    counted++
  }
  return { score: counted ? Math.round((100 * earned) / counted) : 0, counts }
}

/** The `--json` / export shape: DESIGN.md section 4 asks for id, expected, observed, pass, advice per check. */
export function reportJson(report: ForgeReport): unknown {
  return {
    id: report.id,
    provider: report.provider,
    target: report.targetUrl,
    startedAt: new Date(report.startedAt).toISOString(),
    finishedAt: report.finishedAt ? new Date(report.finishedAt).toISOString() : null,
    status: report.status,
    score: report.score,
    counts: report.counts,
    error: report.error,
    checks: report.checks.map((c) => ({
      id: c.id,
      title: c.title,
      expected: c.expected,
      observed: c.observed,
      pass: c.pass,
      outcome: c.outcome,
      advice: c.advice,
      deliveries: c.exchanges.map((e) => ({
        deliveryId: e.deliveryId,
        label: e.label,
        sent: e.sent,
        received: e.received
      }))
    }))
  }
}

const MARK: Record<ForgeOutcome, string> = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', error: 'NO ANSWER', skip: 'SKIP' }

/** Markdown table cells: pipes and newlines would break the row; everything else is literal text. */
const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))

/** A fence longer than any backtick run inside, so hostile answers cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}\n${text}\n${fence}`
}

const headerLines = (headers: Header[]): string => headers.map(([n, v]) => `${n}: ${v}`).join('\n')

/** The report as Markdown; `deliveries: false` leaves out what was sent and received (the CLI's summary). */
export function reportMarkdown(report: ForgeReport, options: { deliveries?: boolean } = {}): string {
  const lines = [
    `# Forge-test report: ${cell(report.targetUrl)}`,
    '',
    `Provider **${cell(report.providerName)}** · score **${report.score}/100** · ${report.counts.pass} passed, ` +
      `${report.counts.fail} failed, ${report.counts.warn} warnings, ${report.counts.error} unanswered, ${report.counts.skip} skipped · ` +
      `${new Date(report.startedAt).toISOString()}`,
    ...(report.error ? ['', `**The run did not finish:** ${cell(report.error)}`] : []),
    '',
    '| check | expected | observed | result | advice |',
    '|---|---|---|---|---|',
    ...report.checks.map((c) => `| ${cell(c.title)} | ${cell(c.expected)} | ${cell(c.observed)} | ${MARK[c.outcome]} | ${cell(c.advice ?? '')} |`),
    ''
  ]
  if (options.deliveries === false) return lines.join('\n')
  lines.push('## Deliveries', '')
  for (const c of report.checks) {
    if (c.exchanges.length === 0) continue
    lines.push(`### ${cell(c.title)} (${MARK[c.outcome]})`, '')
    for (const e of c.exchanges) {
      const answer = e.received.status !== null ? `${e.received.status}` : (e.received.error ?? 'no answer')
      lines.push(`**${cell(e.label)}**: ${e.sent.method} → ${cell(answer)}${e.deliveryId ? ` (delivery #${e.deliveryId})` : ''}`, '')
      lines.push(fenced(`${e.sent.method} ${e.sent.url}\n${headerLines(e.sent.headers)}\n\n${e.sent.body}`), '')
      if (e.received.status !== null) {
        lines.push(fenced(`HTTP ${e.received.status}\n${headerLines(e.received.headers)}\n\n${e.received.body}`), '')
      }
    }
  }
  return lines.join('\n')
}
