// `hookscope` command line: the engine without a window (DESIGN.md section 4).
import { parseArgs } from 'node:util'
import { defaultDbPath } from './engine/paths'
import { exportVerb } from './cli/export'
import { forgeTestVerb } from './cli/forge-test'
import { importVerb } from './cli/import'
import { replayVerb, sendVerb } from './cli/send'
import { list, show } from './cli/list'
import { CliError, printError } from './cli/output'
import { serve } from './cli/serve'
import { providersVerb } from './cli/providers'
import { waitVerb } from './cli/wait'
import type { Verb } from './cli/verb'

const VERBS: Verb[] = [serve, list, show, providersVerb, exportVerb, sendVerb, replayVerb, importVerb, forgeTestVerb, waitVerb]

const COMMON = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

function usage(): string {
  return [
    'Usage: hookscope <verb> [options]   (every verb takes --db FILE and --json)',
    '',
    ...VERBS.map((v) => `  ${v.usage.padEnd(70)} ${v.summary}`)
  ].join('\n')
}

export async function main(argv: string[]): Promise<number> {
  const [verbName, ...rest] = argv
  const json = rest.includes('--json')
  const verb = VERBS.find((v) => v.name === verbName)
  if (!verb) {
    if (!verbName || verbName === '--help' || verbName === '-h' || verbName === 'help') {
      process.stdout.write(usage() + '\n')
      return 0
    }
    printError(json, new Error(`Unknown verb "${verbName}".\n${usage()}`))
    return 2
  }
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...COMMON, ...verb.options },
      allowPositionals: true,
      strict: true
    })
    if (values.help) {
      process.stdout.write(`Usage: hookscope ${verb.usage}\n`)
      return 0
    }
    const code = await verb.run({
      json,
      dbPath: (values.db as string | undefined) ?? defaultDbPath(),
      values: values as Record<string, string | boolean | string[] | undefined>,
      positionals
    })
    return code ?? 0
  } catch (error) {
    printError(json, error)
    return error instanceof CliError ? error.exitCode : 1
  }
}

process.exitCode = await main(process.argv.slice(2))
