import { randomUUID } from 'node:crypto'
import type { ForgeReport } from '../../../shared/api/forge'
import type { ApiHandlers, EventSink } from '../api-handlers'
import type { DeliveryLog } from '../outbound/delivery-log'
import type { SecretResolver } from '../outbound/secrets'
import { reportJson, reportMarkdown } from './report'
import { FORGE_CHECKS, prepareRun, runForge, type ForgeRunHooks, type ForgeRunOptions } from './runner'
import { ForgeRunStore } from './run-store'
import { HookscopeError } from '../../../shared/errors'

type ForgeMethods = 'forgeStart' | 'forgeGet' | 'forgeCancel' | 'forgeList' | 'forgeExport' | 'forgeDelivery'

/** What a forge run needs (the Engine satisfies it, so `runForgeTest(engine, ...)` reads naturally). */
export interface ForgeDeps {
  /** Saved runs; the composition root marks runs a stopped process left running as interrupted. */
  forgeStore: ForgeRunStore
  deliveries: DeliveryLog
  events: EventSink
  secretFor: SecretResolver
}

function hooksFor(engine: ForgeDeps): ForgeRunHooks {
  return {
    deliveries: engine.deliveries,
    save: (report) => engine.forgeStore.save(report),
    progress: (p) => engine.events.emit('forgeProgress', p)
  }
}

/** No secret typed: the newest one stored for the provider (Settings, `serve --secret`), as sends do. */
function withStoredSecret(engine: ForgeDeps, options: ForgeRunOptions): ForgeRunOptions {
  if (options.secret) return options
  const stored = engine.secretFor(options.provider, null)
  return stored ? { ...options, secret: stored } : options
}

/** Runs the suite to the end (CLI, tests); deliveries and the report are saved like any run. */
export function runForgeTest(engine: ForgeDeps, options: ForgeRunOptions): Promise<ForgeReport> {
  return runForge(withStoredSecret(engine, options), hooksFor(engine))
}

export function exportReport(report: ForgeReport, format: 'json' | 'markdown'): { filename: string; mimeType: string; text: string } {
  const host = new URL(report.targetUrl).host.replace(/[^a-zA-Z0-9.-]/g, '_')
  const stamp = new Date(report.startedAt).toISOString().slice(0, 19).replace(/[:T]/g, '-')
  return format === 'json'
    ? { filename: `forge-${host}-${stamp}.json`, mimeType: 'application/json', text: JSON.stringify(reportJson(report), null, 2) }
    : { filename: `forge-${host}-${stamp}.md`, mimeType: 'text/markdown', text: reportMarkdown(report) }
}

/** Forge-test: start a run (progress arrives as `forgeProgress` events), reopen and export saved runs. */
export function forgeApi(engine: ForgeDeps): Pick<ApiHandlers, ForgeMethods> {
  const store = (): ForgeRunStore => engine.forgeStore
  /** Runs in progress, to cancel them. */
  const running = new Map<string, AbortController>()
  const stored = (runId: string): ForgeReport => {
    const report = store().get(runId)
    if (!report) throw new HookscopeError('not_found', 'That forge run no longer exists.')
    return report
  }
  return {
    forgeStart: (typed) => {
      const input = withStoredSecret(engine, typed)
      prepareRun(input) // bad input fails the call itself, in words, before anything is sent
      const runId = randomUUID()
      const controller = new AbortController()
      running.set(runId, controller)
      // runForge reports a bad target inside the report; it only rejects when the engine stops mid-run
      // (the database closed under it). Its last progress event is still sent, so no client waits forever.
      void runForge({ ...input, signal: controller.signal }, hooksFor(engine), runId)
        .catch(() => {
          const total = FORGE_CHECKS.length
          engine.events.emit('forgeProgress', { runId, targetUrl: input.targetUrl, done: 0, total, check: null, current: null, finished: true, score: null, status: 'failed' })
        })
        .finally(() => running.delete(runId))
      return { runId }
    },
    forgeGet: ({ runId }) => store().get(runId),
    forgeCancel: ({ runId }) => {
      const controller = running.get(runId)
      if (!controller || controller.signal.aborted) return { cancelled: false }
      controller.abort()
      return { cancelled: true }
    },
    forgeList: ({ targetUrl, limit }) => store().list(targetUrl, limit),
    forgeExport: ({ runId, format }) => exportReport(stored(runId), format),
    forgeDelivery: ({ id }) => {
      const d = engine.deliveries.get(id)
      return d && d.kind === 'forge' ? d : null
    }
  }
}
