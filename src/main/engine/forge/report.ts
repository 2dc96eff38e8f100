// The report card: score, and the exports (JSON for machines, Markdown for a pull request or a ticket).
import {
  SECURITY_CHECK_IDS,
  SECURITY_FAILURE_MAX_SCORE,
  type ForgeCheckId,
  type ForgeCheckResult,
  type ForgeOutcome,
  type ForgeReport
} from '../../../shared/api/forge'
import { groupRepeatedErrors } from '../../../shared/forge-groups'
import type { Header } from '../../../shared/types'

const CREDIT: Record<ForgeOutcome, number | null> = { pass: 1, warn: 0.5, fail: 0, error: 0, skip: null }

export interface Score {
  score: number
  counts: Record<ForgeOutcome, number>
  securityFailures: ForgeCheckId[]
  headline: string | null
}

/**
 * The share of applicable checks passed, except that a failed security check fails the run whatever
 * else passes: the score is then capped below a passing grade and the report leads with why.
 */
export function scoreOf(checks: ForgeCheckResult[]): Score {
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
  const share = counted ? Math.round((100 * earned) / counted) : 0
  const failedSecurity = checks.filter((c) => c.outcome === 'fail' && SECURITY_CHECK_IDS.includes(c.id))
  return {
    score: failedSecurity.length ? Math.min(share, SECURITY_FAILURE_MAX_SCORE) : share,
    counts,
    securityFailures: failedSecurity.map((c) => c.id),
    headline: securityHeadline(failedSecurity)
  }
}

/** 2xx to a forged delivery means it got in; a 5xx means anyone who knows the URL can make it fail. */
function securityHeadline(failed: ForgeCheckResult[]): string | null {
  if (failed.length === 0) return null
  const accepted = failed.filter((c) => c.exchanges.some((e) => e.received.status !== null && e.received.status >= 200 && e.received.status < 300))
  const names = (cs: ForgeCheckResult[]): string => cs.map((c) => c.title.toLowerCase()).join('; ')
  if (accepted.length) {
    return `Failed: your handler accepted forged deliveries (${names(accepted)}). Anyone who finds the URL can send it events; whatever else passes, it is not safe to go live.`
  }
  return `Failed: forged deliveries make your handler fail instead of answering 401 (${names(failed)}). Anyone who finds the URL can make it error (and the provider retry); fix this before going live.`
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
    headline: report.headline ?? null,
    securityFailures: report.securityFailures ?? [],
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
      `${report.counts.fail} failed, ${report.counts.warn} ${report.counts.warn === 1 ? 'warning' : 'warnings'}, ${report.counts.error} unanswered, ${report.counts.skip} skipped · ` +
      `${new Date(report.startedAt).toISOString()}`,
    ...(report.headline ? ['', `**${cell(report.headline)}**`] : []),
    ...(report.error ? ['', `**The run did not finish:** ${cell(report.error)}`] : []),
    '',
    '| check | expected | observed | result | advice |',
    '|---|---|---|---|---|',
    // Checks that all got the same "no answer" are one row ("14 checks: ..."), not the same error 14 times.
    ...groupRepeatedErrors(report.checks).map((g) =>
      g.checks.length === 1
        ? `| ${cell(g.checks[0].title)} | ${cell(g.checks[0].expected)} | ${cell(g.checks[0].observed)} | ${MARK[g.checks[0].outcome]} | ${cell(g.checks[0].advice ?? '')} |`
        : `| ${g.checks.length} checks: ${cell(g.checks.map((c) => c.title).join(', '))} | ${cell(g.checks[0].expected)} | ${cell(g.checks[0].observed)} | ${MARK.error} | ${cell(g.checks[0].advice ?? '')} |`
    ),
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
