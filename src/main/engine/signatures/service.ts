// Endpoints, secrets and verdicts put together: the inspector the engine runs for every delivery, and
// re-verification of stored captures when a secret changes.
import type { EndpointInfo, SecretInfo, SecretStorageInfo } from '../../../shared/api/signatures'
import type { RequestSummary } from '../../../shared/types'
import type { EventSink } from '../api-handlers'
import type { Db } from '../store/db'
import type { RequestStore } from '../store/request-store'
import { basicInspector, type IncomingDelivery, type Inspection } from '../inspect'
import { createGenericProvider } from '../providers/generic'
import { getProvider } from '../providers/registry'
import type { NamedSecret } from '../providers/types'
import { EndpointStore, type Endpoint, type EndpointFields } from './endpoints'
import { inspectDelivery, type ForeignSecret, type InspectSources, type ResolvedEndpoint } from './inspector'
import { secretHint } from './mask'
import { SecretVault, type SecretCodec, type StoredSecret } from './vault'
import { HookscopeError } from '../../../shared/errors'

/** Captures re-verified per secret change, newest first; older ones keep their verdict (it says when it was judged). */
const REVERIFY_LIMIT = 20_000

/** What the service reads and writes besides its own tables: stored captures (re-verified) and the UI's events. */
export interface SignatureDeps {
  db: Db
  requests: RequestStore
  events: EventSink
}

export class SignatureService {
  readonly endpoints: EndpointStore
  readonly vault: SecretVault
  /** `serve --secret` secrets: this run only, never written anywhere. */
  private readonly session: StoredSecret[] = []
  private resolved: ResolvedEndpoint[] = []
  /** Secrets per provider for deliveries outside endpoints, rebuilt on change so the hot path only looks up. */
  private byProvider = new Map<string, NamedSecret[]>()
  private readonly sources: InspectSources

  constructor(
    private readonly deps: SignatureDeps,
    codec: SecretCodec
  ) {
    this.endpoints = new EndpointStore(deps.db)
    this.vault = new SecretVault(codec)
    this.refresh()
    this.sources = {
      endpointFor: (pathname) => this.endpointFor(pathname),
      providerSecrets: (id) => this.byProvider.get(id) ?? [],
      foreignSecrets: (id, exclude) => this.foreignSecrets(id, exclude)
    }
  }

  /** Never throws: a delivery that cannot be judged is still stored (and acknowledged), with the reason. */
  inspect = (d: IncomingDelivery): Inspection => {
    try {
      return inspectDelivery(d, this.sources)
    } catch (error) {
      return {
        ...basicInspector(d),
        verdict: { status: 'unknown', detail: `Hookscope could not check this delivery's signature (${(error as Error).message}).` }
      }
    }
  }

  /** Rebuilds the in-memory endpoint table (longest path first, so /a/b wins over /a). */
  refresh(): void {
    this.resolved = this.endpoints
      .all()
      .sort((a, b) => b.path.length - a.path.length)
      .map((endpoint) => ({
        endpoint,
        provider: endpoint.provider === 'generic' ? createGenericProvider(endpoint.generic ?? undefined) : endpoint.provider ? (getProvider(endpoint.provider) ?? null) : null,
        secrets: this.scopeSecrets(`endpoint:${endpoint.id}`)
      }))
    const providerScopes = new Set([...this.vault.list(), ...this.session].map((s) => s.scope).filter((s) => s.startsWith('provider:')))
    this.byProvider = new Map([...providerScopes].map((scope) => [scope.slice(9), this.scopeSecrets(scope)]))
  }

  private endpointFor(pathname: string): ResolvedEndpoint | null {
    for (const r of this.resolved) {
      const p = r.endpoint.path
      if (pathname === p || (pathname.startsWith(p) && (p === '/' || pathname[p.length] === '/'))) return r
    }
    return null
  }

  private scopeSecrets(scope: string): NamedSecret[] {
    return newestFirst([...this.vault.list(scope), ...this.session.filter((s) => s.scope === scope)]).map((s) => ({ label: s.label, value: s.value }))
  }

  private foreignSecrets(providerId: string, exclude: NamedSecret[]): ForeignSecret[] {
    const skip = new Set(exclude.map((s) => s.value))
    const out: ForeignSecret[] = []
    for (const s of [...this.vault.list(), ...this.session]) {
      if (skip.has(s.value)) continue
      const where = this.describeScope(s.scope, providerId)
      if (where) out.push({ label: s.label, value: s.value, where })
    }
    return out
  }

  private describeScope(scope: string, providerId: string): string | null {
    if (scope.startsWith('provider:')) return scope === `provider:${providerId}` ? `all ${providerId} deliveries` : null
    const ep = this.resolved.find((r) => `endpoint:${r.endpoint.id}` === scope)?.endpoint
    return ep ? `endpoint ${ep.path}` : null
  }

  // ---- endpoints ----
  endpointInfos(): EndpointInfo[] {
    const counts = this.endpoints.requestCounts()
    return this.endpoints.all().map((e) => this.info(e, counts.get(e.path) ?? 0))
  }

  info(e: Endpoint, requestCount?: number): EndpointInfo {
    return {
      ...e,
      secrets: this.secretInfos(`endpoint:${e.id}`),
      requestCount: requestCount ?? this.endpoints.requestCounts().get(e.path) ?? 0
    }
  }

  createEndpoint(fields: EndpointFields, secret?: string): EndpointInfo {
    if (this.endpoints.byPath(fields.path)) throw new HookscopeError('conflict', `An endpoint at ${fields.path} already exists.`)
    const e = this.endpoints.create(fields)
    if (secret) this.vault.add(`endpoint:${e.id}`, 'secret 1', secret)
    this.refresh()
    this.reverifyEndpoint(e.path)
    this.changed()
    return this.info(e)
  }

  updateEndpoint(id: number, patch: Partial<EndpointFields>): EndpointInfo {
    const current = this.endpoints.get(id)
    if (!current) throw new HookscopeError('not_found', `No endpoint with id ${id}.`)
    const next = { ...current, ...patch }
    const clash = this.endpoints.byPath(next.path)
    if (clash && clash.id !== id) throw new HookscopeError('conflict', `An endpoint at ${next.path} already exists.`)
    const e = this.endpoints.update(id, next)
    this.refresh()
    this.reverifyEndpoint(e.path)
    this.changed()
    return this.info(e)
  }

  deleteEndpoint(id: number): boolean {
    const e = this.endpoints.get(id)
    if (!e) return false
    this.endpoints.delete(id)
    this.vault.removeScope(`endpoint:${id}`)
    this.refresh()
    this.changed()
    return true
  }

  // ---- secrets ----
  addSecret(scope: { endpointId?: number; provider?: string }, value: string, label?: string): { secret: SecretInfo; reverified: number } {
    const key = this.scopeKey(scope)
    const providerId = scope.provider ?? (scope.endpointId !== undefined ? this.endpoints.get(scope.endpointId)?.provider : null)
    const problem = providerId ? getProvider(providerId)?.secretProblem?.(value) : null
    if (problem) throw new HookscopeError('invalid_input', problem)
    const n = this.vault.list(key).length + 1
    const stored = this.vault.add(key, label || `secret ${n}`, value)
    return { secret: toInfo(stored, false), reverified: this.afterSecretChange(key) }
  }

  removeSecret(id: string): { removed: boolean; reverified: number } {
    const removed = this.vault.remove(id)
    if (!removed) return { removed: false, reverified: 0 }
    return { removed: true, reverified: this.afterSecretChange(removed.scope) }
  }

  /** A secret for this run only (CLI `serve --secret PROVIDER=SECRET`). */
  addSessionSecret(provider: string, value: string): void {
    const n = this.session.filter((s) => s.scope === `provider:${provider}`).length + 1
    this.session.push({ id: `session-${provider}-${n}`, scope: `provider:${provider}`, label: n === 1 ? '--secret' : `--secret ${n}`, value, createdAt: Date.now() - n })
    this.refresh()
  }

  storage(): SecretStorageInfo {
    const backend = this.vault.codec.backend
    const providers = [...new Set([...this.vault.list(), ...this.session].map((s) => s.scope).filter((s) => s.startsWith('provider:')))]
    return {
      backend,
      warning:
        backend === 'basic_text'
          ? 'No system keyring was found, so secrets are encrypted with a fixed key that anyone who can read your files can undo. Install and unlock a keyring (GNOME Keyring or KWallet) for real protection.'
          : backend === 'file'
            ? 'Secrets are kept unencrypted in a file only your user account can read (mode 0600), beside the database.'
            : null,
      loadError: this.vault.loadError,
      providerSecrets: providers.map((scope) => ({ provider: scope.slice(9), secrets: this.secretInfos(scope) }))
    }
  }

  /** In the order verification tries them, so the list a user sees (and its "tried first") is the truth. */
  private secretInfos(scope: string): SecretInfo[] {
    return newestFirst([...this.vault.list(scope).map((s) => toInfo(s, false)), ...this.session.filter((s) => s.scope === scope).map((s) => toInfo(s, true))])
  }

  private scopeKey(scope: { endpointId?: number; provider?: string }): string {
    if (scope.endpointId !== undefined) {
      if (!this.endpoints.get(scope.endpointId)) throw new HookscopeError('not_found', `No endpoint with id ${scope.endpointId}.`)
      return `endpoint:${scope.endpointId}`
    }
    return `provider:${scope.provider}`
  }

  private afterSecretChange(scope: string): number {
    this.refresh()
    let n: number
    if (scope.startsWith('endpoint:')) {
      const e = this.endpoints.get(Number(scope.slice(9)))
      n = e ? this.reverifyEndpoint(e.path) : 0
    } else n = this.reverify(`SELECT id FROM requests WHERE endpoint IS NULL AND provider = ? ORDER BY id DESC LIMIT ${REVERIFY_LIMIT}`, scope.slice(9))
    this.changed()
    return n
  }

  private reverifyEndpoint(path: string): number {
    return this.reverify(`SELECT id FROM requests WHERE endpoint = ? ORDER BY id DESC LIMIT ${REVERIFY_LIMIT}`, path)
  }

  /** Re-runs inspection on stored captures and pushes the changed summaries to the UI. */
  private reverify(sql: string, arg: string): number {
    const ids = (this.deps.db.prepare(sql).all(arg) as { id: number }[]).map((r) => r.id)
    const updated: RequestSummary[] = []
    this.deps.db.transaction(() => {
      for (const id of ids) {
        const row = this.deps.requests.getWithBody(id)
        if (!row || row.bodyTruncated) continue
        const result = this.inspect({
          method: row.method,
          path: row.path,
          headers: row.headers,
          body: row.body,
          contentEncoding: row.contentEncoding,
          receivedAt: row.receivedAt
        })
        this.deps.requests.updateVerdict(id, result)
        const summary = this.deps.requests.summary(id)
        if (summary) updated.push(summary)
      }
      // IMMEDIATE: the write lock is taken at BEGIN, where the busy timeout applies. A deferred transaction
      // that reads first and then writes gets SQLITE_BUSY at once when the writer thread commits meanwhile.
    }).immediate()
    if (updated.length) this.deps.events.emit('requestsUpdated', updated)
    return ids.length
  }

  private changed(): void {
    this.deps.events.emit('endpointsChanged', this.endpointInfos())
  }
}

/**
 * Newest first: after a rotation the current secret is tried before the previous one. Secrets added
 * within the same millisecond keep their order of addition, reversed (the list is in that order).
 */
function newestFirst<T extends { createdAt: number }>(all: T[]): T[] {
  return all
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.createdAt - a.s.createdAt || b.i - a.i)
    .map(({ s }) => s)
}

function toInfo(s: StoredSecret, session: boolean): SecretInfo {
  return { id: s.id, label: s.label, hint: secretHint(s.value), createdAt: s.createdAt, session }
}
