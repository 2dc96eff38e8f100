import type { EngineInfo, StorageStatus } from '../../shared/types'
import type { ApiHandlers } from './api-handlers'
import { EngineEvents } from './events'
import type { Inspector } from './inspect'
import { Receiver, type ReceiverTimeouts } from './receiver'
import { BatchedWriter, type CaptureWriter, type CommitListener } from './store/batched-writer'
import { openDatabaseWithRecovery, type Db, type DatabaseRecovery } from './store/db'
import { fallbackAutocheckpointPages, startCheckpointer, type Checkpointer } from './store/checkpointer'
import { FtsIndexer } from './store/indexer'
import { WorkerWriter } from './store/worker-writer'
import { RequestStore } from './store/request-store'
import { summaryOfNew } from './store/rows'
import { coreApi } from './core-api'
import { signaturesApi } from './signatures/signatures-api'
import { SignatureService } from './signatures/service'
import { fileCodec, type SecretCodec } from './signatures/vault'
import { forgeApi } from './forge/forge-api'
import { ForgeRunStore } from './forge/run-store'
import { createTunnel } from './tunnel'
import { classifyOrigin } from './tunnel/origin'
import { tunnelApi } from './tunnel/tunnel-api'
import { callsApi } from './calls/calls-api'
import type { TunnelManager } from './tunnel/manager'
import { DeliveryLog } from './outbound/delivery-log'
import { outboundApi } from './outbound/outbound-api'
import { Outbound } from './outbound/outbound'
import { storedSecrets, type SecretResolver } from './outbound/secrets'
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
  /** `serve --port N`: that port or an error, never the next one (deliveries sent to N would reach another program). */
  exactPort?: boolean
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
  /** What this run adds without storing it (`serve --secret`, `--forward-to`); gone when the process exits. */
  runOnly?: RunOnlyConfig
  log?: (message: string) => void
}

export interface RunOnlyConfig {
  /** Signing secrets tried for a provider's deliveries, never written to disk. */
  secrets?: { provider: string; value: string }[]
  /** Every capture is also forwarded here (shown in Forwarding, not saved as a rule). */
  forwardTo?: string
}

export type { ApiHandlers } from './api-handlers'

export const DEFAULT_RECEIVER_PORT = 4747

/** A search first indexes up to this many pending rows (~30 ms at most); a bigger backlog is a flood's. */
const SEARCH_CATCH_UP_ROWS = 2000

/**
 * The whole product without a window: receiver, store and every feature, behind one Api. This is the
 * composition root: the constructor builds the stores, then each service with only what it uses, then
 * the Api table. Feature modules never import this file. Clients (the CLI's verbs, IPC, WebSocket)
 * use only `api` and `events`; the stores and services left readable are for the hosts (Electron's
 * main, `serve`) and for tests that check what was stored.
 */
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
  private readonly retention: Retention
  private readonly disk: DiskGuard
  private readonly admission: Admission
  /** Saved forge runs. */
  readonly forgeStore: ForgeRunStore
  /** The stored signing secret for a provider (and endpoint), for sends, replays and forge runs. */
  readonly secretFor: SecretResolver
  /** The implementation of every Api method, one object per feature. Inputs arrive validated. */
  readonly api: ApiHandlers
  private readonly writer: CaptureWriter
  private readonly indexer: FtsIndexer
  private readonly checkpointer: Checkpointer | null
  /** Set when a broken database was moved aside at start; shown by the UI and printed by the CLI. */
  readonly databaseRecovery: DatabaseRecovery | null
  private inspector: Inspector
  private readonly log: (message: string) => void
  private started = false

  constructor(private readonly options: EngineOptions) {
    this.log = options.log ?? ((m) => console.error(m))
    const opened = openDatabaseWithRecovery(options.dbPath)
    this.db = opened.db
    this.databaseRecovery = opened.recovery
    if (opened.recovery) this.log(opened.recovery.message)
    this.checkpointer = options.oneShot ? null : startCheckpointer(this.db, options.dbPath, this.log)
    const { db, events, log } = this
    // Stores: one per table group, over the one database handle.
    this.requests = new RequestStore(db)
    this.settings = new SettingsStore(db)
    this.indexer = new FtsIndexer(db)
    this.deliveries = new DeliveryLog(db)
    this.forgeStore = new ForgeRunStore(db)
    const { requests, settings, deliveries } = this
    // Services, each given only what it uses. The receiver's port is known once it listens, so it is read late.
    const receiverPort = (): number => this.receiver.port
    this.signatures = new SignatureService({ db, requests, events }, options.secretCodec ?? fileCodec(options.dbPath))
    this.secretFor = storedSecrets(this.signatures)
    this.inspector = options.inspector ?? this.signatures.inspect
    this.outbound = new Outbound({ db, requests, deliveries, events, secretFor: this.secretFor, receiverPort, log })
    for (const s of options.runOnly?.secrets ?? []) this.signatures.addSessionSecret(s.provider, s.value)
    if (options.runOnly?.forwardTo) this.outbound.forwarder.addTransientRule(options.runOnly.forwardTo)
    const onCommitted: CommitListener = (ids, rows) => {
      let bytes = 0
      ids.forEach((id, i) => {
        this.events.requestAdded(summaryOfNew(id, rows[i]))
        bytes += rows[i].body.length
      })
      this.indexer.schedule()
      this.retention.noteCommitted(bytes)
      // Live forwarding; it never blocks the acknowledgement, and its failure never loses a capture.
      ids.forEach((id, i) => {
        try {
          this.outbound.forwarder.onCaptured(id, rows[i])
        } catch (error) {
          this.log(`Capture listener failed: ${(error as Error).message}`)
        }
      })
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
      // Deliveries through the tunnel arrive from its relay (built just below; read per delivery).
      originOf: (req) => classifyOrigin(req, this.tunnel.relay),
      admit: (req, origin) => this.admission.check(req, origin),
      onError: this.log
    })
    this.tunnel = createTunnel({ localPort: receiverPort, settings, events, log })
    // The Api table last: every handler gets the services it calls, already built.
    const prepareSearch = (): number => this.prepareSearch()
    const flushIndex = (): void => this.flushIndex()
    this.api = {
      ...coreApi({ requests, settings, events, info: () => this.info(), prepareSearch, flushIndex, limitsChanged: () => this.limitsChanged() }),
      ...signaturesApi(this.signatures),
      ...forgeApi({ forgeStore: this.forgeStore, deliveries, events, secretFor: this.secretFor }),
      ...outboundApi({
        outbound: this.outbound,
        deliveries,
        requests,
        settings,
        events,
        db,
        prepareSearch,
        flushIndex,
        receiverUrl: () => this.receiverUrl,
        inspect: this.signatures.inspect,
        isOwnReceiver: (url) => this.outbound.isOwnReceiver(url),
        endpoints: () => this.signatures.endpoints.all()
      }),
      ...tunnelApi(this.tunnel),
      ...callsApi({ db, requests }),
      ...storageApi({ requests, events, storageStatus: () => this.storageStatus() })
    }
  }

  async start(): Promise<void> {
    if (this.started) return
    await this.receiver.listen(this.options.port ?? DEFAULT_RECEIVER_PORT, this.options.host ?? '127.0.0.1', this.options.exactPort ? 1 : undefined)
    this.started = true
    // This process now serves: forge runs that a stopped process left "running" are over. (One-shot
    // CLI verbs never start, so they do not mark a run the app on the same file is still making.)
    this.forgeStore.markInterrupted()
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

  /**
   * Closes an engine that was never started (a one-shot CLI verb): retries and forwards a send may have
   * scheduled die with it, and the index backlog is left to the process that captures.
   */
  close(): void {
    this.outbound.stop()
    this.db.close()
  }

  get receiverUrl(): string {
    return `http://127.0.0.1:${this.receiver.port}`
  }

  setInspector(inspector: Inspector): void {
    this.inspector = inspector
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
}
