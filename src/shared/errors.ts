// One error type for everything that reaches a user: the engine throws it, the transports carry its
// { code, message } as data, the CLI prints the message, the renderer shows it. Messages are written
// for people (what went wrong and what to do); the code is for programs deciding what to do next.

/** Every code an error can carry, across the engine, both transports and the renderer. */
export const ERROR_CODES = [
  /** The argument does not fit the contract or cannot be acted on (bad URL, unknown provider...). */
  'invalid_input',
  /** What the call names (a capture, endpoint, target, rule, forge run) does not exist (any more). */
  'not_found',
  /** It would clash with something that exists or is under way (same path, same cancel key). */
  'conflict',
  /** A stored body cannot be decoded with its Content-Encoding. */
  'undecodable',
  /** The database cannot be opened (locked, disk full, read-only): the user can fix it and retry. */
  'database_unavailable',
  /** The engine part needed is closed or stopped; retrying later may work. */
  'unavailable',
  /** The method is not part of the Api. */
  'unknown_method',
  /** The caller is not the Hookscope window. */
  'forbidden',
  /** The transport itself failed (connection lost, the engine did not answer). */
  'transport',
  /** Anything unforeseen: a bug or an environment problem, passed on with its own message. */
  'engine_error'
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** What crosses a transport and what the renderer stores: a code and a sentence. */
export interface ErrorInfo {
  code: ErrorCode
  message: string
}

export class HookscopeError extends Error {
  override readonly name = 'HookscopeError'
  /** A finer reason within the code, for the code that handles it (e.g. why the database is unavailable). */
  readonly reason: string | undefined
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions & { reason?: string }
  ) {
    super(message, options)
    this.reason = options?.reason
  }
}

const codes = new Set<string>(ERROR_CODES)

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && codes.has(value)
}

/** True when `error` is a HookscopeError (or one rebuilt across a transport) with one of these codes. */
export function hasCode(error: unknown, ...codes: ErrorCode[]): error is HookscopeError {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined
  return isErrorCode(code) && codes.includes(code)
}

/**
 * Any thrown value as { code, message }: a HookscopeError (or an { code, message } that crossed a
 * transport) keeps its code, anything else is an engine_error with its own message.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (typeof error !== 'object' || error === null) return { code: 'engine_error', message: String(error) }
  const { code, message } = error as { code?: unknown; message?: unknown }
  return { code: isErrorCode(code) ? code : 'engine_error', message: typeof message === 'string' ? message : String(error) }
}

/** The error a transport rebuilds from the { code, message } it carried. */
export function fromErrorInfo(info: unknown): HookscopeError {
  const { code, message } = toErrorInfo(info)
  return new HookscopeError(code, message)
}
