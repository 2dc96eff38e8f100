// What makes a forwarding rule unable to match, said when it is saved rather than discovered later
// from a rule that shows "On" and forwards nothing.
import type { Endpoint } from '../signatures/endpoints'
import type { Db } from '../store/db'
import { PROVIDERS } from '../providers/registry'
import { eventMatches, eventPatternProblem } from './event-pattern'
import { HookscopeError } from '../../../shared/errors'
import type { RuleInput } from './targets'

/**
 * Checks a rule before it is stored: the endpoint must exist (given by path or by name; stored as the
 * path captures carry) and the event pattern must be able to match. Returns the rule to store, and a
 * warning when no event type known so far (catalogs, stored captures) matches the pattern: a typo?
 */
export interface RuleCheckDeps {
  db: Db
  isOwnReceiver: (url: string) => boolean
  endpoints: () => Endpoint[]
}

export function checkRule(engine: RuleCheckDeps, input: RuleInput): { rule: RuleInput; warning: string | null } {
  const rule = { ...input }
  if (engine.isOwnReceiver(input.targetUrl)) {
    throw new HookscopeError('invalid_input', `${input.targetUrl} is Hookscope's own receiver: forwarding there would loop. Use your handler's URL.`)
  }
  // A rule being switched off matches nothing anyway: it may still name an endpoint deleted since.
  if (rule.endpoint && rule.enabled !== false) {
    const wanted = rule.endpoint.trim()
    const endpoints = engine.endpoints()
    const found = endpoints.find((e) => e.path === wanted) ?? endpoints.find((e) => e.name === wanted)
    if (!found) {
      const known = endpoints.length ? `Endpoints: ${endpoints.map((e) => e.path).join(', ')}.` : 'No endpoint exists yet (create one under Endpoints), or leave it empty to match any.'
      throw new HookscopeError('invalid_input', `There is no endpoint "${wanted}", so this rule could never match. ${known}`)
    }
    rule.endpoint = found.path
  }
  if (rule.pathPrefix && !rule.pathPrefix.startsWith('/')) {
    throw new HookscopeError('invalid_input', `The path prefix "${rule.pathPrefix}" can never match: captured paths start with /, e.g. /callpaymin.`)
  }
  let warning: string | null = null
  const pattern = rule.eventType?.trim() || null
  if (pattern) {
    const problem = eventPatternProblem(rule.eventType!)
    if (problem) throw new HookscopeError('invalid_input', problem)
    if (!knownEventMatches(engine, pattern)) {
      warning = `No event type in the provider catalogs or in the captures so far matches "${pattern}": check the spelling (patterns are exact, or use * as in call.*).`
    }
  }
  return { rule, warning }
}

function knownEventMatches(engine: RuleCheckDeps, pattern: string): boolean {
  if (PROVIDERS.some((p) => p.events.some((e) => eventMatches(pattern, e.type)))) return true
  // The allowed characters hold no GLOB metacharacter but *, so the pattern is its own SQLite GLOB.
  return engine.db.prepare(`SELECT 1 FROM requests WHERE event_type GLOB ? LIMIT 1`).get(pattern) !== undefined
}
