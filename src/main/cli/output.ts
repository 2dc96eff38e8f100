// Output rules of the CLI contract: --json puts data on stdout and errors as {"error"} on stderr, with
// the HookscopeError's code beside it (`invalid_input` for a wrong option, `not_found`...) for scripts.
import { HookscopeError } from '../../shared/errors'

export function printResult(json: boolean, data: unknown, human: () => string): void {
  process.stdout.write(json ? JSON.stringify(data) + '\n' : human() + '\n')
}

export function printError(json: boolean, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  const code = error instanceof HookscopeError ? error.code : undefined
  process.stderr.write(json ? JSON.stringify({ error: message, ...(code ? { code } : {}) }) + '\n' : `hookscope: ${message}\n`)
}
