// `hookscope forge-test`: the forge suite from the command line (DESIGN.md sections 4 and 6).
// Exits 0 whatever the verdicts (a failing handler is a finding), unless --min-score makes it a gate.
import { HookscopeError } from '../../shared/errors'
import { writeFileSync } from 'node:fs'
import type { ForgeProgress, ForgeReport, ForgeStartInput } from '../../shared/api/forge'
import { reportJson, reportMarkdown } from '../engine/forge/report'
import { callApi, usingEngine, type CliEngine } from './engine-access'
import { cannotWrite } from './file-error'
import { junitXml } from './forge-junit'
import { printResult } from './output'
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
    if (!provider || !to) throw new HookscopeError('invalid_input', 'forge-test needs --provider and --to, e.g. `hookscope forge-test --provider callpaymin --to http://localhost:3000/webhooks --secret ...`')
    const minScore = intOption(ctx.values['min-score'], '--min-score', 0, 100)
    const junit = ctx.values.junit as string | undefined
    const input = {
      provider,
      targetUrl: to,
      secret: ctx.values.secret as string | undefined,
      gapMs: intOption(ctx.values['gap-ms'], '--gap-ms', 0, 600_000),
      timeoutMs: intOption(ctx.values['timeout-ms'], '--timeout-ms', 100, 120_000)
    }
    // Checkpoint thread on: a run records dozens of deliveries over minutes.
    const report = await usingEngine(ctx, (engine) => runToTheEnd(engine, input), { oneShot: false })
    // The report first: a --junit path that cannot be written must not lose a run that took minutes.
    printResult(ctx.json, reportJson(report), () => reportMarkdown(report, { deliveries: false }) + `\nEvery delivery is saved: open them in the Forge test view, or use --json for the full report.`)
    if (junit) {
      try {
        writeFileSync(junit, junitXml(report))
      } catch (error) {
        throw cannotWrite(junit, error)
      }
    }
    const { pass, fail, warn, error } = report.counts
    if (error > 0 && pass + fail + warn === 0) {
      // Nothing was judged: a CI job without --min-score must not pass green while the handler is down.
      throw new HookscopeError('unavailable', `No check got an answer from ${report.targetUrl}, so nothing was tested. Is your handler running?`)
    }
    const score = report.score
    if (minScore !== undefined && score < minScore) {
      process.stderr.write(ctx.json ? JSON.stringify({ error: `score ${score} is below --min-score ${minScore}` }) + '\n' : `hookscope: score ${score} is below --min-score ${minScore}\n`)
      return 1
    }
    return 0
  }
}

/**
 * Starts the run through the Api and waits for its last progress event, as the UI does; Ctrl+C cancels
 * it (the report then counts the checks done so far).
 */
async function runToTheEnd(engine: CliEngine, input: ForgeStartInput): Promise<ForgeReport> {
  // Events may come before forgeStart has answered with the run's id: remember every finished run.
  const finished = new Set<string>()
  let wake = (): void => {}
  const unsubscribe = engine.events.subscribe((event, payload) => {
    if (event !== 'forgeProgress' || !(payload as ForgeProgress).finished) return
    finished.add((payload as ForgeProgress).runId)
    wake()
  })
  let runId: string | null = null
  const cancel = (): void => void (runId && callApi(engine, 'forgeCancel', { runId }))
  process.once('SIGINT', cancel)
  try {
    runId = (await callApi(engine, 'forgeStart', input)).runId
    await new Promise<void>((resolve) => {
      wake = () => finished.has(runId as string) && resolve()
      wake()
    })
    const report = await callApi(engine, 'forgeGet', { runId: runId as string })
    if (!report) throw new HookscopeError('unavailable', 'The forge run stopped before its report could be saved (the database was closed).')
    return report
  } finally {
    unsubscribe()
    process.off('SIGINT', cancel)
  }
}
