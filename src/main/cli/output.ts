// Output rules of the CLI contract: --json puts data on stdout and errors as {"error"} on stderr.

export function printResult(json: boolean, data: unknown, human: () => string): void {
  process.stdout.write(json ? JSON.stringify(data) + '\n' : human() + '\n')
}

/** Something the user must know although the command succeeded: stderr, `{"warning"}` with --json. */
export function printWarning(json: boolean, message: string): void {
  process.stderr.write(json ? JSON.stringify({ warning: message }) + '\n' : `hookscope: ${message}\n`)
}

export function printError(json: boolean, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(json ? JSON.stringify({ error: message }) + '\n' : `hookscope: ${message}\n`)
}
