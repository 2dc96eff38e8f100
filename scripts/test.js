#!/usr/bin/env node
// `npm test`: type-check, lint, build, unit + integration (vitest), end-to-end (Playwright), in that order.
// Prints one closing line "tests: N passed, N failed, N skipped" over both runners.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'

const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`Hookscope's tests need Node.js >= 22 (this is ${process.version}); .ci/run brings one.`)
  process.exit(1)
}

mkdirSync('.cache', { recursive: true })
const totals = { passed: 0, failed: 0, skipped: 0 }
let failedSteps = []

function step(name, cmd, args, env = {}) {
  console.log(`\n== ${name}: ${cmd} ${args.join(' ')}`)
  const started = Date.now()
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: false })
  const ok = result.status === 0
  console.log(`== ${name}: ${ok ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  if (!ok) failedSteps.push(name)
  return ok
}

const npx = 'npx'
const only = process.argv.slice(2)
const want = (s) => only.length === 0 || only.includes(s)

if (want('typecheck')) {
  for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json']) {
    step(`typecheck ${project}`, npx, ['tsc', '-p', project, '--noEmit'])
  }
}
// ESLint (typescript-eslint + react-hooks; eslint.config.mjs): a failure here is a failed step like any other.
if (want('lint')) step('lint', npx, ['eslint', '.', '--max-warnings=0'])
// Electron security scan (offline): fails on high or isolation-breaking findings not explained in
// security/electronegativity-allow.json.
if (want('security')) step('electronegativity', 'node', ['scripts/electronegativity.cjs'])

const built = want('build') || want('e2e') ? step('build', npx, ['electron-vite', 'build']) : true

if (want('unit')) {
  rmSync('.cache/vitest.json', { force: true })
  step('unit + integration', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.cache/vitest.json'])
  if (existsSync('.cache/vitest.json')) {
    const report = JSON.parse(readFileSync('.cache/vitest.json', 'utf8'))
    totals.passed += report.numPassedTests
    totals.failed += report.numFailedTests
    totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0)
  }
}

if (want('e2e') && built) {
  rmSync('.cache/playwright.json', { force: true })
  step('end-to-end', npx, ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: '.cache/playwright.json' })
  if (existsSync('.cache/playwright.json')) {
    const report = JSON.parse(readFileSync('.cache/playwright.json', 'utf8'))
    totals.passed += report.stats.expected + (report.stats.flaky ?? 0)
    totals.failed += report.stats.unexpected
    totals.skipped += report.stats.skipped
    const reasons = new Set()
    const walk = (suite) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) reasons.add(`${spec.title}: ${a.description}`)
      for (const s of suite.suites ?? []) walk(s)
    }
    report.suites.forEach(walk)
    for (const r of reasons) console.log(`skipped: ${r}`)
  }
}

if (failedSteps.length) console.log(`\nFailed steps: ${failedSteps.join(', ')}`)
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedSteps.length ? 1 : 0)
