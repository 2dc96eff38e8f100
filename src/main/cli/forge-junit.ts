// JUnit XML for CI dashboards: one testcase per forge check. What the handler answered is hostile
// text, so everything is escaped and characters XML cannot carry are dropped.
import type { ForgeReport } from '../../shared/api/forge'

// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

function esc(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

export function junitXml(report: ForgeReport): string {
  const suite = `hookscope forge-test ${report.provider}`
  const failures = report.counts.fail
  const errors = report.counts.error
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hookscope forge-test" tests="${report.checks.length}" failures="${failures}" errors="${errors}" skipped="${report.counts.skip}">`,
    `  <testsuite name="${esc(suite)}" tests="${report.checks.length}" failures="${failures}" errors="${errors}" skipped="${report.counts.skip}" timestamp="${new Date(report.startedAt).toISOString()}">`,
    '    <properties>',
    `      <property name="target" value="${esc(report.targetUrl)}"/>`,
    `      <property name="score" value="${report.score}"/>`,
    '    </properties>'
  ]
  for (const c of report.checks) {
    const open = `    <testcase classname="forge.${esc(report.provider)}" name="${esc(`${c.title} (${c.id})`)}">`
    const detail = esc(`expected: ${c.expected}\nobserved: ${c.observed}${c.advice ? `\nadvice: ${c.advice}` : ''}`)
    const advice = esc(c.advice ?? `expected ${c.expected}, observed ${c.observed}`)
    switch (c.outcome) {
      case 'pass':
        lines.push(open.replace(/>$/, '/>'))
        break
      case 'warn':
        lines.push(open, `      <system-out>warning: ${advice}</system-out>`, '    </testcase>')
        break
      case 'skip':
        lines.push(open, `      <skipped message="${esc(c.observed)}"/>`, '    </testcase>')
        break
      case 'fail':
        lines.push(open, `      <failure message="${advice}" type="fail">${detail}</failure>`, '    </testcase>')
        break
      case 'error':
        lines.push(open, `      <error message="${advice}" type="no-answer">${detail}</error>`, '    </testcase>')
        break
    }
  }
  lines.push('  </testsuite>', '</testsuites>', '')
  return lines.join('\n')
}
