// `hookscope` command line: the engine without a window (DESIGN.md section 4).
// Each verb is imported only when it runs: `providers` must not pay for SQLite, zod and ws at start
// (the CLI's start-up target is within 3x of `node -e 0`, measured by `npm run bench cli`).
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDbPath } from './engine/paths'
import { VERSION } from './engine/version'
import { printError } from './cli/output'
import { HookscopeError } from '../shared/errors'
import type { Verb } from './cli/verb'

const VERBS: Record<string, () => Promise<Verb>> = {
  serve: async () => (await import('./cli/serve')).serve,
  list: async () => (await import('./cli/list')).list,
  show: async () => (await import('./cli/list')).show,
  providers: async () => (await import('./cli/providers')).providersVerb,
  export: async () => (await import('./cli/export')).exportVerb,
  send: async () => (await import('./cli/send')).sendVerb,
  replay: async () => (await import('./cli/send')).replayVerb,
  import: async () => (await import('./cli/import')).importVerb,
  'forge-test': async () => (await import('./cli/forge-test')).forgeTestVerb,
  calls: async () => (await import('./cli/calls')).callsVerb,
  diff: async () => (await import('./cli/calls')).diffVerb,
  wait: async () => (await import('./cli/wait')).waitVerb
}

const COMMON = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

async function usage(): Promise<string> {
  const verbs = await Promise.all(Object.values(VERBS).map((load) => load()))
  return [
    'Usage: hookscope <verb> [options]   (every verb takes --db FILE and --json)',
    '',
    // A usage too long for the column gets its summary on the next line, not glued to its last option.
    ...verbs.map((v) => (v.usage.length < 70 ? `  ${v.usage.padEnd(70)} ${v.summary}` : `  ${v.usage}\n  ${''.padEnd(70)} ${v.summary}`))
  ].join('\n')
}

/** Node's own wording for an unknown option talks about '--' escapes; a user needs the verb's usage. */
function parseArguments(verb: Verb, args: string[]): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args, options: { ...COMMON, ...verb.options }, allowPositionals: true, strict: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw error
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? 'option'
    throw new HookscopeError('invalid_input', `Unknown option ${option} for ${verb.name}. Usage: hookscope ${verb.usage}`)
  }
}

/**
 * SQLite would take an empty path as a temporary database (captures gone at exit, silently) and a
 * folder as a "disk I/O error": both are a mistyped --db, said as such.
 */
function dbOption(value: string | undefined): string {
  if (value === undefined) return defaultDbPath()
  if (value.trim() === '') throw new HookscopeError('invalid_input', '--db takes a database file path, e.g. --db ./hookscope.db')
  if (statSync(value, { throwIfNoEntry: false })?.isDirectory()) {
    throw new HookscopeError('invalid_input', `--db ${value} is a folder; give a database file, e.g. --db ${join(value, 'hookscope.db')}`)
  }
  return value
}

/**
 * `hookscope --db ci.db list --json` reads as naturally as `hookscope list --db ci.db --json`: the
 * options every verb takes may come before the verb too, so they are moved after it.
 */
function verbFirst(argv: string[]): string[] {
  const leading: string[] = []
  let i = 0
  for (; i < argv.length; i++) {
    if (argv[i] === '--json' || argv[i].startsWith('--db=')) leading.push(argv[i])
    else if (argv[i] === '--db' && i + 1 < argv.length) leading.push(argv[i], argv[++i])
    else break
  }
  return i === argv.length ? argv : [argv[i], ...leading, ...argv.slice(i + 1)]
}

export async function main(argv: string[]): Promise<number> {
  const [verbName, ...rest] = verbFirst(argv)
  const json = rest.includes('--json')
  const load = verbName !== undefined && Object.hasOwn(VERBS, verbName) ? VERBS[verbName] : undefined
  if (!load) {
    // Scripts and bug reports ask for it; it was "Unknown verb" with exit 2.
    if (verbName === '--version' || verbName === '-V' || verbName === 'version') {
      process.stdout.write(json ? JSON.stringify({ version: VERSION }) + '\n' : `hookscope ${VERSION}\n`)
      return 0
    }
    if (!verbName || verbName === '--help' || verbName === '-h' || verbName === 'help') {
      process.stdout.write((await usage()) + '\n')
      return 0
    }
    // With --json the error is one sentence a script can show; the whole usage is for a person.
    const sentence = `Unknown verb "${verbName}"; one of ${Object.keys(VERBS).join(', ')} (\`hookscope --help\` shows their options).`
    printError(json, new Error(json ? sentence : `${sentence}\n${await usage()}`))
    return 2
  }
  try {
    const verb = await load()
    const { values, positionals } = parseArguments(verb, rest)
    if (values.help) {
      process.stdout.write(`Usage: hookscope ${verb.usage}\n`)
      return 0
    }
    const extra = positionals.slice(verb.positionals ?? 0)
    if (extra.length) throw new HookscopeError('invalid_input', `Unexpected argument "${extra[0]}". Usage: hookscope ${verb.usage}`)
    const code = await verb.run({
      json,
      dbPath: dbOption(values.db as string | undefined),
      values: values as Record<string, string | boolean | string[] | undefined>,
      positionals
    })
    return code ?? 0
  } catch (error) {
    printError(json, error)
    return 1
  }
}

// A reader that stops early (`hookscope list | head -1`) closes the pipe: that is its choice, not a
// failure of ours, so the command ends quietly instead of printing "write EPIPE" or a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  process.stderr.write(`hookscope: cannot write the output: ${error.message}\n`)
  process.exit(1)
})

process.exitCode = await main(process.argv.slice(2))
