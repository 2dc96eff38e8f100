// `hookscope forge-test`: the forge suite from the command line (DESIGN.md sections 4 and 6).
// Exits 0 whatever the verdicts (a failing handler is a finding), unless --min-score makes it a gate.
import { writeFileSync } from 'node:fs'
import { Engine } from '../engine/engine'
import { runForgeTest } from '../engine/forge/forge-api'
import { reportJson, reportMarkdown } from '../engine/forge/report'
import { hasCode } from '../../shared/errors'
import { junitXml } from './forge-junit'
import { CliError, printResult } from './output'
import { intOption } from './serve'
import type { Verb } from './verb'

export const forgeTestVerb: Verb = {
  name: 'forge-test',
  usage: 'forge-test --provider P --to URL --secret S [--min-score N] [--junit FILE] [--gap-ms N] [--timeout-ms N]',
  summary: 'checks whether your handler rejects forged deliveries and survives real ones (exit 1 below --min-score)',
  options: {
    provider: { type: 'string' },
    to: { type: 'string' },
    secret: { type: 'string' },
    'gap-ms': { type: 'string' },
    'timeout-ms': { type: 'string' },
    'min-score': { type: 'string' },
    junit: { type: 'string' }
  },
  async run(ctx) {
    const provider = ctx.values.provider as string | undefined
    const to = ctx.values.to as string | undefined
    if (!provider || !to) throw new CliError('forge-test needs --provider and --to, e.g. `hookscope forge-test --provider callpaymin --to http://localhost:3000/webhooks --secret ...`')
    const minScore = intOption(ctx.values['min-score'], '--min-score', 0, 100)
    const junit = ctx.values.junit as string | undefined
    let score: number
    const engine = new Engine({ dbPath: ctx.dbPath, log: () => {} })
    try {
      // Not the Api's forgeStart, which answers at once and reports by events: the CLI waits for the
      // report, so it runs the suite through the forge feature's own narrow deps (ForgeDeps), where a
      // run that fails outright rejects instead of never sending its last progress event.
      const report = await runForgeTest(engine, {
        provider,
        targetUrl: to,
        secret: ctx.values.secret as string | undefined,
        gapMs: intOption(ctx.values['gap-ms'], '--gap-ms', 0, 600_000),
        timeoutMs: intOption(ctx.values['timeout-ms'], '--timeout-ms', 100, 120_000)
      })
      score = report.score
      if (junit) writeFileSync(junit, junitXml(report))
      printResult(ctx.json, reportJson(report), () => reportMarkdown(report, { deliveries: false }) + `\nEvery delivery is saved: open them in the Forge test view, or use --json for the full report.`)
    } catch (error) {
      if (hasCode(error, 'invalid_input')) throw new CliError(error.message)
      throw error
    } finally {
      // A full stop, so the checkpoint worker and the database close cleanly. That worker is unref'd:
      // hold the event loop open while its exit is awaited, or the process would end mid-await.
      const hold = setInterval(() => {}, 1000)
      await engine.stop().finally(() => clearInterval(hold))
    }
    if (minScore !== undefined && score < minScore) {
      process.stderr.write(ctx.json ? JSON.stringify({ error: `score ${score} is below --min-score ${minScore}` }) + '\n' : `hookscope: score ${score} is below --min-score ${minScore}\n`)
      return 1
    }
    return 0
  }
}
