// Refuses deliveries (503, so providers retry later) before the disk holding the database is full:
// SQLite failing mid-commit on a full disk is worse for everyone than a polite "later".
import { statfs } from 'node:fs/promises'
import { dirname } from 'node:path'

const CHECK_EVERY_MS = 2000

export class DiskGuard {
  /** Read by the receiver for every delivery: a field, not a system call. */
  low = false
  freeBytes: number | null = null
  private timer: NodeJS.Timeout | null = null
  private checking: Promise<void> | null = null

  constructor(
    private readonly dbPath: string,
    private readonly minFreeMb: () => number,
    private readonly log: (message: string) => void
  ) {}

  start(): void {
    if (this.timer || this.dbPath === ':memory:') return
    void this.check()
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  /** Reads the free space now (also after the threshold changes). */
  check(): Promise<void> {
    if (this.dbPath === ':memory:') return Promise.resolve()
    this.checking ??= statfs(dirname(this.dbPath))
      .then((s) => {
        this.freeBytes = s.bavail * s.bsize
        const wasLow = this.low
        const min = this.minFreeMb()
        this.low = min > 0 && this.freeBytes < min * 1024 * 1024
        if (this.low !== wasLow) {
          this.log(
            this.low
              ? `Less than ${min} MB free on the disk holding the database: deliveries are answered 503 (retry later) until space is freed.`
              : 'Disk space is back above the threshold: deliveries are stored again.'
          )
        }
      })
      .catch(() => {
        this.freeBytes = null
      })
      .finally(() => {
        this.checking = null
      })
    return this.checking
  }
}
