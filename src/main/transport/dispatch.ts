import { apiInputs, type Envelope } from '../../shared/api'
import { toErrorInfo } from '../../shared/errors'
import { API_METHODS, type ApiMethod } from '../../shared/methods'
import type { ApiHandlers } from '../engine/api-handlers'

const methodSet = new Set<string>(API_METHODS)

/**
 * The single gate every transport (IPC, WebSocket) passes through: the method must exist, its
 * argument must match the contract's schema, and any failure comes back as { code, message }.
 */
export async function dispatch(handlers: ApiHandlers, method: unknown, input: unknown): Promise<Envelope<unknown>> {
  if (typeof method !== 'string' || !methodSet.has(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Unknown method ${JSON.stringify(method)}.` } }
  }
  const name = method as ApiMethod
  const parsed = apiInputs[name].safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    // A message our schemas give is a sentence written for the person who typed the value ("Template in the
    // body: ...", "An endpoint path starts with /..."): a refinement's, or any that ends with a full stop
    // (zod's own never do). Only zod's own messages need the method and field to make sense.
    if (issue && (issue.code === 'custom' || /^[A-Z].*\.$/s.test(issue.message))) return { ok: false, error: { code: 'invalid_input', message: issue.message } }
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : ''
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${name}${where}: ${issue?.message}` } }
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown
    return { ok: true, result: await handler(parsed.data) }
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) }
  }
}
