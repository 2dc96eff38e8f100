import type { ApiResults, apiInputs } from '../../shared/api'
import type { ApiMethod } from '../../shared/methods'
import type { EngineInfo, StorageStatus } from '../../shared/types'
import type { z } from 'zod'
import { EngineEvents } from './events'
import type { Inspector } from './inspect'
import { Receiver, type DeliveryOrigin, type ReceiverTimeouts } from './receiver'
import type { IncomingMessage } from 'node:http'
import { BatchedWriter, type CaptureWriter, type CommitListener } from './store/batched-writer'
import { openDatabaseWithRecovery, type Db, type DatabaseRecovery } from './store/db'
import { fallbackAutocheckpointPages, startCheckpointer, type Checkpointer } from './store/checkpointer'
import { FtsIndexer } from './store/indexer'
import { WorkerWriter } from './store/worker-writer'
import { RequestStore } from './store/request-store'
import { summaryOfNew, type NewRequest } from './store/rows'
import { coreApi } from './core-api'
import { signaturesApi } from './signatures/signatures-api'
import { SignatureService } from './signatures/service'
import { fileCodec, type SecretCodec } from './signatures/vault'
import { forgeApi } from './forge/forge-api'
import { attachTunnel } from './tunnel'
import { tunnelApi } from './tunnel/tunnel-api'
import { callsApi } from './calls/calls-api'
import type { TunnelManager } from './tunnel/manager'
import { DeliveryLog } from './outbound/delivery-log'
import { outboundApi } from './outbound/outbound-api'
import { Outbound } from './outbound/outbound'
import { SettingsStore } from './settings-store'
import { Admission } from './limits/admission'
import { DiskGuard } from './limits/disk-guard'
import { Retention } from './store/retention'
import { storageApi } from './storage-api'
import { VERSION } from './version'

export interface EngineOptions {
  dbPath: string
  /** Receiver port; the next free port is used when taken. 0 = any free port. */
  port?: number
  host?: string
  inspector?: Inspector
  /** Receiver time limits (slowloris protection); defaults in receiver.ts. */
  receiverTimeouts?: Partial<ReceiverTimeouts>
  /** How secrets are sealed at rest; default: a 0600 file beside the database (the desktop app passes safeStorage). */
  secretCodec?: SecretCodec
  /**
   * A one-shot CLI verb (list, export, wait...): no writer or checkpoint thread. Starting one costs a
   * thread and a native module load, and a process that exits while a thread is still loading it can
   * die with a fatal N-API error.
   */
  oneShot?: boolean
  log?: (message: string) => void
}

export type ApiHandlers = {
  [M in ApiMethod]: (input: z.output<(typeof apiInputs)[M]>) => Promise<ApiResults[M]> | ApiResults[M]
}

/** Called after a delivery is committed (live forwarding hooks in here); never blocks the acknowledgement. */
export type CaptureListener = (id: number, row: NewRequest) => void

export const DEFAULT_RECEIVER_PORT = 4747

/** A search first indexes up to this many pending rows (~30 ms at most); a bigger backlog is a flood's. */
const SEARCH_CATCH_UP_ROWS = 2000

/** The whole product without a window: receiver, store and every feature, behind one Api. */
export class Engine {
  readonly db: Db
  readonly requests: RequestStore
  readonly settings: SettingsStore
  readonly events = new EngineEvents()
  readonly receiver: Receiver
  readonly deliveries: DeliveryLog
  readonly signatures: SignatureService
  readonly outbound: Outbound
  readonly tunnel: TunnelManager
  readonly retention: Retention
  readonly disk: DiskGuard
  readonly admission: Admission
  private readonly writer: CaptureWriter
  private readonly indexer: FtsIndexer
  private readonly checkpointer: Checkpointer | null
  /** Set when a broken database was moved aside at start; shown by the UI and printed by the CLI. */
  readonly databaseRecovery: DatabaseRecovery | null
  private inspector: Inspector
  private originOf: ((req: IncomingMessage) => DeliveryOrigin) | null = null
  private readonly log: (message: string) => void
  private started = false
  private readonly captureListeners = new Set<CaptureListener>()

  constructor(private readonly options: EngineOptions) {
    this.log = options.log ?? ((m) => console.error(m))
    const opened = openDatabaseWithRecovery(options.dbPath)
    this.db = opened.db
    this.databaseRecovery = opened.recovery
    if (opened.recovery) this.log(opened.recovery.message)
    this.checkpointer = options.oneShot ? null : startCheckpointer(this.db, options.dbPath, this.log)
    this.requests = new RequestStore(this.db)
    this.settings = new SettingsStore(this.db)
    this.indexer = new FtsIndexer(this.db)
    this.deliveries = new DeliveryLog(this.db)
    this.outbound = new Outbound(this, this.log)
    this.signatures = new SignatureService(this, options.secretCodec ?? fileCodec(options.dbPath))
    this.inspector = options.inspector ?? this.signatures.inspect
    const onCommitted: CommitListener = (ids, rows) => {
      let bytes = 0
      ids.forEach((id, i) => {
        this.events.requestAdded(summaryOfNew(id, rows[i]))
        bytes += rows[i].body.length
      })
      this.indexer.schedule()
      this.retention.noteCommitted(bytes)
      for (const listener of this.captureListeners) {
        ids.forEach((id, i) => {
          try {
            listener(id, rows[i])
          } catch (error) {
            this.log(`Capture listener failed: ${(error as Error).message}`)
          }
        })
      }
    }
    const inThread = (): CaptureWriter => new BatchedWriter(this.requests, onCommitted)
    const fileBacked = options.dbPath !== ':memory:' && !this.db.memory && !options.oneShot
    this.writer =
      (fileBacked &&
        WorkerWriter.start({
          file: options.dbPath,
          onCommitted,
          fallback: inThread,
          log: this.log,
          autocheckpointPages: this.checkpointer ? fallbackAutocheckpointPages(this.db) : 1000
        })) ||
      inThread()
    this.retention = new Retention({
      db: this.db,
      file: options.dbPath,
      settings: () => this.settings.get().retention,
      prune: (step) => this.writer.prune(step),
      onPruned: (ids) => this.events.emit('requestsDeleted', { ids }),
      log: this.log
    })
    this.disk = new DiskGuard(options.dbPath, () => this.settings.get().minFreeDiskMb, this.log)
    this.admission = new Admission(() => this.settings.get(), this.disk)
    this.receiver = new Receiver({
      timeouts: options.receiverTimeouts,
      settings: () => this.settings.get(),
      inspect: (delivery) => this.inspector(delivery),
      record: (row) => this.writer.write(row),
      answeredLate: (id, row, durationMs) => {
        this.writer.correctDuration(id, durationMs)
        this.events.requestUpdated(summaryOfNew(id, { ...row, durationMs }))
      },
      originOf: (req) => this.originOf?.(req) ?? { viaTunnel: false, forwardedFor: null },
      admit: (req, origin) => this.admission.check(req, origin),
      onError: this.log
    })
    this.tunnel = attachTunnel(this, this.log)
  }

  async start(): Promise<void> {
    if (this.started) return
    await this.receiver.listen(this.options.port ?? DEFAULT_RECEIVER_PORT, this.options.host ?? '127.0.0.1')
    this.started = true
    this.indexer.schedule()
    this.disk.start()
    this.retention.start()
  }

  /** After settings change: caps and the disk threshold take effect now, not at the next tick. */
  limitsChanged(): void {
    void this.disk.check()
    if (this.started) this.retention.poke()
  }

  storageStatus(): StorageStatus {
    const settings = this.settings.get()
    return {
      ...this.retention.usage(),
      retention: settings.retention,
      pinnedCount: this.requests.pinnedCount(),
      prunedCount: this.retention.prunedCount,
      diskFreeBytes: this.disk.freeBytes,
      minFreeDiskMb: settings.minFreeDiskMb,
      diskLow: this.disk.low,
      refused: { ...this.admission.refused }
    }
  }

  /** Flushes pending writes and the index, then closes the database. Safe to call twice. */
  async stop(): Promise<void> {
    // The receiver first: deliveries in flight (through the tunnel too) get their answer while the
    // writer is still open; then the tunnel, so nothing new comes in through it.
    await this.receiver.close()
    await this.tunnel.shutdown({ afterReceiver: true })
    this.disk.stop()
    await this.retention.stop()
    this.outbound.stop()
    await this.writer.close()
    this.events.flush()
    this.indexer.stop()
    await this.checkpointer?.stop()
    if (this.db.open) {
      this.indexer.drain()
      this.db.close()
    }
    this.started = false
  }

  get receiverUrl(): string {
    return `http://127.0.0.1:${this.receiver.port}`
  }

  onCaptured(listener: CaptureListener): () => void {
    this.captureListeners.add(listener)
    return () => this.captureListeners.delete(listener)
  }

  setInspector(inspector: Inspector): void {
    this.inspector = inspector
  }

  setOriginClassifier(fn: (req: IncomingMessage) => DeliveryOrigin): void {
    this.originOf = fn
  }

  /**
   * Runs a PRAGMA on every connection that writes: this one and the capture writer's (the same one
   * when it writes in-thread). Some settings are per connection; tests use max_page_count to stand
   * in for a full disk.
   */
  async pragmaOnWriters(statement: string): Promise<void> {
    this.db.pragma(statement)
    await this.writer.pragma(statement)
  }

  /** Makes a small backlog searchable before a search; returns the rows a search cannot see yet. */
  prepareSearch(): number {
    return this.indexer.catchUp(SEARCH_CATCH_UP_ROWS)
  }

  /** Makes just-committed rows searchable now (tests, CLI one-shots). */
  flushIndex(): void {
    this.indexer.drain()
    this.indexer.purgeAll()
  }

  info(): EngineInfo {
    return {
      version: VERSION,
      receiverUrl: this.receiverUrl,
      receiverPort: this.receiver.port,
      dbPath: this.options.dbPath,
      requestCount: this.requests.count(),
      databaseNotice: this.databaseRecovery?.message ?? null,
      refused: { ...this.admission.refused }
    }
  }

  /** The implementation of every Api method, one object per feature. Inputs arrive validated. */
  readonly api: ApiHandlers = {
    ...coreApi(this),
    ...signaturesApi(this),
    ...forgeApi(this),
    ...outboundApi(this),
    ...tunnelApi(this),
    ...callsApi(this),
    ...storageApi(this)
  }
}
