// Keeps the database within its caps (size, age) by pruning the oldest unpinned captures in the
// background. Each step is one small transaction run by the capture writer between two batches of
// INSERTs, so a delivery waits at most one step (a few ms), and the receiver's thread only picks ids.
import { statSync } from 'node:fs'
import type { RetentionSettings } from '../../../shared/types'
import type { Db } from './db'
import type { PruneResult, PruneStep } from './prune'

/** At most this many captures, or this many bytes of them, per step. */
const STEP_ROWS = 50
const STEP_BYTES = 2 * 1024 * 1024
/** Pages handed back to the file system per step (incremental_vacuum moves pages: keep steps short). */
const VACUUM_STEP_BYTES = 1024 * 1024
/** Once over the size cap, prune down to this share of it, so pruning is not a step per delivery. */
const LOW_WATER = 0.9
const CHECK_EVERY_MS = 2000
/**
 * Between two steps the writer gets this many times the last step's time (at least MIN_PAUSE_MS) for
 * captures alone: pruning takes at most about a quarter of the writer, and slows itself down when
 * the writer is busy (a step's time includes waiting behind batches of captures).
 */
const PAUSE_FACTOR = 3
/** Over the size cap the disk is at stake: pruning may take up to half of the writer. */
const PAUSE_FACTOR_OVER_CAP = 1
const MIN_PAUSE_MS = 10
const MIN_CHECK_BYTES = 1024 * 1024
/** Queued full-text entries are removed only after this long without a commit, this many per step. */
const PURGE_QUIET_MS = 3000
const PURGE_STEP = 100
const DAY_MS = 24 * 60 * 60 * 1000

export interface RetentionDeps {
  db: Db
  file: string
  settings: () => RetentionSettings
  prune: (step: PruneStep) => Promise<PruneResult>
  onPruned: (ids: number[]) => void
  log: (message: string) => void
  intervalMs?: number
}

export interface RetentionUsage {
  usedBytes: number
  fileBytes: number
  walBytes: number
  shrinks: boolean
}

interface Candidate {
  id: number
  received_at: number
  bytes: number
}

export class Retention {
  prunedCount = 0
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopped = false
  /** Set while over the size cap, until back under LOW_WATER of it. */
  private trimming = false
  /** Bytes committed since the caps were last checked; a burst triggers a check before the next tick. */
  private sinceCheck = 0
  private lastCommitAt = 0
  private readonly queuedFtsStmt
  private readonly oldestStmt
  private readonly pageSize: number
  private readonly shrinks: boolean

  constructor(private readonly deps: RetentionDeps) {
    // Unpinned captures from the oldest; pinned ones are skipped (few, so the scan stays short). The
    // newest capture always stays, so ids never start again from 1 (the indexer relies on that).
    this.oldestStmt = deps.db.prepare(
      `SELECT id, received_at, body_size + length(headers) AS bytes FROM requests
       WHERE pinned = 0 AND id < (SELECT max(id) FROM requests) ORDER BY id LIMIT ?`
    )
    this.queuedFtsStmt = deps.db.prepare('SELECT 1 FROM fts_pending_delete LIMIT 1')
    this.pageSize = deps.db.pragma('page_size', { simple: true }) as number
    this.shrinks = (deps.db.pragma('auto_vacuum', { simple: true }) as number) === 2
  }

  start(): void {
    this.stopped = false
    this.arm(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  /** Checks the caps now (after they change), instead of at the next tick. */
  poke(): void {
    if (this.stopped || this.running) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.arm(0)
  }

  /** Called per committed batch: an addition, and a check once a twentieth of the cap has arrived. */
  noteCommitted(bytes: number): void {
    this.lastCommitAt = performance.now()
    this.sinceCheck += bytes
    if (this.sinceCheck < Math.max(MIN_CHECK_BYTES, (this.deps.settings().maxSizeMb * 1024 * 1024) / 20)) return
    this.sinceCheck = 0
    this.poke()
  }

  usage(): RetentionUsage {
    return {
      usedBytes: this.usedBytes(),
      fileBytes: fileSize(this.deps.file),
      walBytes: fileSize(this.deps.file + '-wal'),
      shrinks: this.shrinks
    }
  }

  /** Steps until the caps hold (the writer interleaves captures between them), then waits for the next tick. */
  private arm(ms: number): void {
    if (this.timer || this.stopped) return
    this.timer = setTimeout(() => {
      this.timer = null
      this.running = this.run().finally(() => {
        this.running = null
        this.arm(this.deps.intervalMs ?? CHECK_EVERY_MS)
      })
    }, ms)
    this.timer.unref()
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        const started = performance.now()
        if (this.stopped || !(await this.step())) break
        const pause = Math.max(MIN_PAUSE_MS, (performance.now() - started) * (this.trimming ? PAUSE_FACTOR_OVER_CAP : PAUSE_FACTOR))
        await new Promise((resolve) => setTimeout(resolve, pause).unref())
      }
    } catch (error) {
      // Busy, disk full, the writer restarting: nothing is lost, the next tick tries again.
      if (!this.stopped) this.deps.log(`Retention step failed: ${(error as Error).message}`)
    }
  }

  /** One step; true when it did something and more may be needed. */
  private async step(): Promise<boolean> {
    this.sinceCheck = 0
    const { maxSizeMb, maxAgeDays } = this.deps.settings()
    const cap = maxSizeMb * 1024 * 1024
    const used = this.usedBytes()
    if (cap > 0 && used > cap) this.trimming = true
    if (cap <= 0 || used <= cap * LOW_WATER) this.trimming = false
    const toFree = this.trimming ? used - cap * LOW_WATER : 0
    const cutoff = maxAgeDays > 0 ? Date.now() - maxAgeDays * DAY_MS : -Infinity

    const ids: number[] = []
    if (toFree > 0 || cutoff > -Infinity) {
      let freed = 0
      for (const row of this.oldestStmt.all(STEP_ROWS) as Candidate[]) {
        if (!(row.received_at < cutoff) && freed >= toFree) break
        ids.push(row.id)
        freed += row.bytes
        if (freed >= STEP_BYTES) break
      }
    }
    const vacuumPages = this.vacuumPages(cap)
    const quiet = performance.now() - this.lastCommitAt >= PURGE_QUIET_MS
    const purgeFts = quiet && this.queuedFtsStmt.get() ? PURGE_STEP : 0
    if (ids.length === 0 && vacuumPages === 0 && purgeFts === 0) return false
    const { deleted, purged } = await this.deps.prune({ ids, purgeFts, vacuumPages })
    if (deleted > 0) {
      this.prunedCount += deleted
      this.deps.onPruned(ids)
    }
    // A step that only gave pages back ends the run: the next tick goes on, so this never spins.
    return deleted > 0 || purged === PURGE_STEP
  }

  /** Free pages beyond a little slack (kept for the next captures) go back to the file system. */
  private vacuumPages(cap: number): number {
    if (!this.shrinks) return 0
    const free = this.deps.db.pragma('freelist_count', { simple: true }) as number
    const slack = Math.max(1024 * 1024, cap > 0 ? cap * 0.05 : 4 * 1024 * 1024)
    if (free * this.pageSize <= slack) return 0
    return Math.min(free, Math.ceil(VACUUM_STEP_BYTES / this.pageSize))
  }

  private usedBytes(): number {
    const pages = this.deps.db.pragma('page_count', { simple: true }) as number
    const free = this.deps.db.pragma('freelist_count', { simple: true }) as number
    return (pages - free) * this.pageSize
  }
}

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}
