import type { ForwardRule, Target } from '../../../shared/api/outbound'
import type { Db } from '../store/db'
import { TARGET_TABLES } from '../store/schema/deliveries'
import { HookscopeError } from '../../../shared/errors'

interface RuleRow {
  id: number
  target_url: string
  endpoint: string | null
  path_prefix: string | null
  event_type: string | null
  enabled: number
  retry_provider: string | null
  time_compression: number
  consecutive_failures: number
  disabled_reason: string | null
  created_at: number
  matched_count: number
  last_matched_at: number | null
}

/** A rule to save; left-out fields take the defaults (any endpoint, path and event; on; no retries). */
export type RuleInput = Partial<
  Omit<ForwardRule, 'id' | 'targetUrl' | 'consecutiveFailures' | 'disabledReason' | 'createdAt' | 'matchedCount' | 'lastMatchedAt'>
> & {
  id?: number
  targetUrl: string
}

/** Saved target URLs and forwarding rules. Rules are cached: the forwarder reads them on every capture. */
export class TargetStore {
  private rules: ForwardRule[]

  constructor(private readonly db: Db) {
    db.exec(TARGET_TABLES)
    this.rules = this.readRules()
  }

  listTargets(): Target[] {
    const rows = this.db.prepare(`SELECT id, name, url, created_at FROM targets ORDER BY id`).all() as {
      id: number
      name: string
      url: string
      created_at: number
    }[]
    return rows.map((r) => ({ id: r.id, name: r.name, url: r.url, createdAt: r.created_at }))
  }

  saveTarget(input: { id?: number; name: string; url: string }): Target {
    const name = input.name || input.url
    if (input.id !== undefined) {
      const changed = this.db.prepare(`UPDATE targets SET name = ?, url = ? WHERE id = ?`).run(name, input.url, input.id).changes
      if (changed === 0) throw new HookscopeError('not_found', `No saved target with id ${input.id}.`)
      return this.listTargets().find((t) => t.id === input.id)!
    }
    const existing = this.listTargets().find((t) => t.url === input.url)
    if (existing) return existing
    const createdAt = Date.now()
    const id = Number(this.db.prepare(`INSERT INTO targets (name, url, created_at) VALUES (?, ?, ?)`).run(name, input.url, createdAt).lastInsertRowid)
    return { id, name, url: input.url, createdAt }
  }

  deleteTarget(id: number): boolean {
    return this.db.prepare(`DELETE FROM targets WHERE id = ?`).run(id).changes > 0
  }

  listRules(): ForwardRule[] {
    return this.rules
  }

  saveRule(input: RuleInput): ForwardRule {
    const params = {
      target_url: input.targetUrl,
      endpoint: input.endpoint || null,
      path_prefix: input.pathPrefix || null,
      event_type: input.eventType || null,
      enabled: input.enabled === false ? 0 : 1,
      retry_provider: input.retryProvider || null,
      time_compression: input.timeCompression ?? 1
    }
    let id = input.id
    if (id !== undefined) {
      // Saving a rule (e.g. switching it back on) clears an auto-disable and its failure count.
      const changed = this.db
        .prepare(`UPDATE forward_rules SET target_url = @target_url, endpoint = @endpoint, path_prefix = @path_prefix,
          event_type = @event_type, enabled = @enabled, retry_provider = @retry_provider, time_compression = @time_compression,
          consecutive_failures = 0, disabled_reason = NULL WHERE id = @id`)
        .run({ ...params, id }).changes
      if (changed === 0) throw new HookscopeError('not_found', `No forwarding rule with id ${id}.`)
    } else {
      id = Number(
        this.db
          .prepare(`INSERT INTO forward_rules (target_url, endpoint, path_prefix, event_type, enabled, retry_provider,
            time_compression, created_at) VALUES (@target_url, @endpoint, @path_prefix, @event_type, @enabled, @retry_provider,
            @time_compression, @created_at)`)
          .run({ ...params, created_at: Date.now() }).lastInsertRowid
      )
    }
    this.rules = this.readRules()
    return this.rules.find((r) => r.id === id)!
  }

  deleteRule(id: number): boolean {
    const deleted = this.db.prepare(`DELETE FROM forward_rules WHERE id = ?`).run(id).changes > 0
    this.rules = this.readRules()
    return deleted
  }

  /** Counts a failed or successful forward; returns the rule as it now stands. */
  recordOutcome(id: number, failed: boolean, disableAfter: number | null): ForwardRule | null {
    const rule = this.rules.find((r) => r.id === id)
    // Attempts still in flight when a rule is switched off change nothing: the count stays where it stopped.
    if (!rule || !rule.enabled) return rule ?? null
    const failures = failed ? rule.consecutiveFailures + 1 : 0
    const disable = disableAfter !== null && failures >= disableAfter && rule.enabled
    const reason = disable ? `Switched off after ${failures} consecutive failed deliveries, as the provider would.` : rule.disabledReason
    this.db
      .prepare(`UPDATE forward_rules SET consecutive_failures = ?, enabled = ?, disabled_reason = ? WHERE id = ?`)
      .run(failures, disable ? 0 : rule.enabled ? 1 : 0, reason, id)
    this.rules = this.readRules()
    return this.rules.find((r) => r.id === id) ?? null
  }

  /** Adds matches counted in memory since the last call (the forwarder batches them: no write per capture). */
  addMatches(matches: Map<number, { count: number; lastAt: number }>): void {
    const update = this.db.prepare(
      `UPDATE forward_rules SET matched_count = matched_count + ?, last_matched_at = max(coalesce(last_matched_at, 0), ?) WHERE id = ?`
    )
    this.db.transaction(() => {
      for (const [id, m] of matches) update.run(m.count, m.lastAt, id)
    })()
    this.rules = this.readRules()
  }

  private readRules(): ForwardRule[] {
    const rows = this.db.prepare(`SELECT * FROM forward_rules ORDER BY id`).all() as RuleRow[]
    return rows.map((r) => ({
      id: r.id,
      targetUrl: r.target_url,
      endpoint: r.endpoint,
      pathPrefix: r.path_prefix,
      eventType: r.event_type,
      enabled: r.enabled === 1,
      retryProvider: r.retry_provider,
      timeCompression: r.time_compression,
      consecutiveFailures: r.consecutive_failures,
      disabledReason: r.disabled_reason,
      createdAt: r.created_at,
      matchedCount: r.matched_count,
      lastMatchedAt: r.last_matched_at
    }))
  }
}
