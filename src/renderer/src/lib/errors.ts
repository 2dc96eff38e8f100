import { toErrorInfo, type ErrorCode, type ErrorInfo } from '../../../shared/errors'

/** What every store slice keeps for a failure: the engine's { code, message }, or one made here. */
export type { ErrorInfo }

/** A caught value as the slices keep it; `prefix` says what was being done ("Could not delete request 4"). */
export function errorInfo(error: unknown, prefix?: string): ErrorInfo {
  const info = toErrorInfo(error)
  return prefix ? { code: info.code, message: `${prefix}: ${info.message}` } : info
}

/** An error found in the window itself (a form that does not parse, a run that is gone). */
export function localError(code: ErrorCode, message: string): ErrorInfo {
  return { code, message }
}
