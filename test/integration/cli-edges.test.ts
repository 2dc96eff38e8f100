// The CLI at the edges a script or CI job meets: a reader that stops early, odd arguments, a broken
// database file, an output path that cannot be written. Real processes on real files.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Engine } from '../../src/main/engine/engine'
import { CLI_SOURCE, ROOT, runCli, startServe } from '../helpers/cli'
import { newRequest } from '../helpers/rows'
import { DEAD_HOST, deadPort, startTarget } from '../helpers/target-server'
import { tempDir } from '../helpers/temp'

const cleanups: (() => Promise<unknown> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempFolder(): string {
  const temp = tempDir()
  cleanups.push(temp.cleanup)
  return temp.dir
}

/** A database holding `n` captures with 2 KB bodies: `list --bodies` then writes far more than a pipe holds. */
async function seeded(n: number): Promise<string> {
  const db = join(tempFolder(), 'hookscope.db')
  const engine = new Engine({ dbPath: db, port: 0, log: () => {} })
  engine.requests.insertMany(Array.from({ length: n }, (_, i) => newRequest(`/c/${i}`, 'x'.repeat(2048))))
  await engine.stop()
  return db
}

/** Runs the CLI like `hookscope ARGS | head -c 1`: the reader closes the pipe after its first chunk. */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI_SOURCE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('exit', (code) => resolve({ code, stderr }))
  })
}

describe('piping into a reader that stops early', () => {
  it('list and export end quietly with exit 0 when the reader closes the pipe (no "write EPIPE")', async () => {
    const db = await seeded(400)
    for (const args of [['list', '--bodies', '--json', '--limit', '400'], ['list', '--limit', '400'], ['export', '--format', 'har']]) {
      const { code, stderr } = await runIntoClosedPipe([...args, '--db', db])
      expect({ args, stderr }).toEqual({ args, stderr: '' })
      expect(code).toBe(0)
    }
  })
})

describe('arguments a verb does not take', () => {
  it('an extra argument is an error naming it, not silently ignored (`list foo`, `show 1 2`)', async () => {
    const db = await seeded(2)
    const list = await runCli(['list', 'callpaymin', '--json', '--db', db])
    expect(list.code).toBe(1)
    expect(list.stdout).toBe('')
    expect(JSON.parse(list.stderr)).toEqual({ error: expect.stringMatching(/^Unexpected argument "callpaymin"\. Usage: hookscope list /) })
    const show = await runCli(['show', '1', '2', '--db', db])
    expect(show.code).toBe(1)
    expect(show.stdout).toBe('')
    expect(show.stderr).toBe('hookscope: Unexpected argument "2". Usage: hookscope show ID\n')
  })

  it('an unknown option names the verb and its usage, not Node\'s advice about "--" escapes', async () => {
    const db = await seeded(1)
    const { code, stdout, stderr } = await runCli(['list', '--limt', '5', '--json', '--db', db])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(JSON.parse(stderr)).toEqual({ error: expect.stringMatching(/^Unknown option --limt for list\. Usage: hookscope list \[--limit N\]/) })
  })
})

describe('a database file that is not a database', () => {
  it('a verb says the file was moved aside and a fresh one started (it printed an empty list, silently)', async () => {
    const dir = tempFolder()
    const db = join(dir, 'ci.db')
    writeFileSync(db, 'these are not the captures you are looking for')
    const { code, stdout, stderr } = await runCli(['list', '--json', '--db', db])
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([])
    const moved = readdirSync(dir).find((f) => f.startsWith('ci.db.broken-'))
    expect(moved).toBeDefined()
    expect(readFileSync(join(dir, moved!), 'utf8')).toBe('these are not the captures you are looking for')
    const warning = JSON.parse(stderr) as { warning: string }
    expect(Object.keys(warning)).toEqual(['warning'])
    expect(warning.warning).toContain(`It was moved to ${join(dir, moved!)} (nothing was deleted) and a fresh database was started.`)
  })
})

describe('an output file that cannot be written', () => {
  it('export --out names the file and the reason, not a raw ENOENT/EISDIR', async () => {
    const db = await seeded(3)
    const dir = tempFolder()
    const missing = join(dir, 'no-such-folder', 'out.har')
    const a = await runCli(['export', '--format', 'har', '--out', missing, '--json', '--db', db])
    expect(a.code).toBe(1)
    expect(a.stdout).toBe('')
    expect(JSON.parse(a.stderr)).toEqual({ error: `Cannot write ${missing}: its folder does not exist.` })
    const b = await runCli(['export', '--out', dir, '--db', db])
    expect(b.code).toBe(1)
    expect(b.stderr).toBe(`hookscope: Cannot write ${dir}: it is a folder.\n`)
  })

  it('forge-test --junit to a missing folder still prints the report of the run, then fails saying why', async () => {
    const target = await startTarget()
    cleanups.push(() => target.close())
    const db = join(tempFolder(), 'forge.db')
    const junit = join(tempFolder(), 'missing', 'forge.xml')
    const run = await runCli(['forge-test', '--provider', 'callpaymin', '--to', `${target.url}/webhooks`, '--secret', 'whsec_test', '--gap-ms', '0', '--junit', junit, '--json', '--db', db])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { provider: string; checks: unknown[] }
    expect(report.provider).toBe('callpaymin')
    expect(report.checks.length).toBeGreaterThan(0)
    expect(JSON.parse(run.stderr)).toEqual({ error: `Cannot write ${junit}: its folder does not exist.` })
  })
})

describe('a mistyped --db', () => {
  it('an empty path is refused (SQLite made it a temporary database: captures gone at exit, silently)', async () => {
    const { code, stdout, stderr } = await runCli(['list', '--json', '--db', ''])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(JSON.parse(stderr)).toEqual({ error: '--db takes a database file path, e.g. --db ./hookscope.db' })
  })

  it('a folder is named as one (it was "disk I/O error")', async () => {
    const dir = tempFolder()
    const { code, stderr } = await runCli(['show', '1', '--db', dir])
    expect(code).toBe(1)
    expect(stderr).toBe(`hookscope: --db ${dir} is a folder; give a database file, e.g. --db ${join(dir, 'hookscope.db')}\n`)
  })
})

describe('the options every verb takes, before the verb', () => {
  it('`hookscope --db FILE --json list` works like `hookscope list --db FILE --json` (it was "Unknown verb \\"--db\\"")', async () => {
    const db = await seeded(3)
    const before = await runCli(['--db', db, '--json', 'list', '--limit', '2'])
    expect(before.stderr).toBe('')
    expect(before.code).toBe(0)
    expect(JSON.parse(before.stdout)).toEqual(JSON.parse((await runCli(['list', '--limit', '2', '--db', db, '--json'])).stdout))
    const missing = await runCli([`--db=${db}`, '--json', 'show', '99'])
    expect(missing.code).toBe(1)
    expect(JSON.parse(missing.stderr)).toEqual({ error: 'No captured request with id 99.' })
  })
})

describe('serve when the port it is told to use is taken', () => {
  it('fails saying so (it moved to the next port silently, so deliveries sent to N reached another program)', async () => {
    const other = await startTarget()
    cleanups.push(() => other.close())
    const port = new URL(other.url).port
    const db = join(tempFolder(), 'serve.db')
    const outcome = await startServe(['--port', port, '--db', db]).then(
      async (s) => {
        await s.stop()
        return `started on ${s.info.receiver}`
      },
      (error: Error) => error.message
    )
    expect(outcome).toBe(
      `serve exited with 1: {"error":"Port ${port} is taken by another program (another \`hookscope serve\` or the desktop app?). Stop it, or choose another port (--port 0 takes any free one)."}\n`
    )
  })

  it('--ui-port N taken says which option to change (it was "listen EADDRINUSE: address already in use")', async () => {
    const other = await startTarget()
    cleanups.push(() => other.close())
    const port = new URL(other.url).port
    const renderer = tempFolder()
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Hookscope</title>')
    const db = join(tempFolder(), 'serve.db')
    const outcome = await startServe(['--port', '0', '--ui', '--ui-port', port, '--db', db], { HOOKSCOPE_RENDERER_DIR: renderer }).then(
      async (s) => {
        await s.stop()
        return `started: ${s.info.ui}`
      },
      (error: Error) => error.message
    )
    expect(outcome).toBe(`serve exited with 1: {"error":"--ui-port ${port} is taken by another program. Choose another port (--ui-port 0 takes any free one)."}\n`)
  })
})

describe('a provider filter that names no provider', () => {
  it('list, calls and wait refuse a typo (list printed [] and wait waited out its timeout, like "nothing came")', async () => {
    const db = await seeded(1)
    const error = { error: '--provider: no provider "callpaymn" (`hookscope providers` lists them)' }
    for (const verb of [['list'], ['calls'], ['wait', '--timeout', '3']]) {
      const { code, stdout, stderr } = await runCli([...verb, '--provider', 'callpaymn', '--json', '--db', db])
      expect({ verb, code, stdout, stderr: JSON.parse(stderr) as unknown }).toEqual({ verb, code: 1, stdout: '', stderr: error })
    }
  })
})

describe('help and unknown verbs', () => {
  it('an unknown verb with --json is one sentence naming the verbs (it carried the whole usage text)', async () => {
    const { code, stdout, stderr } = await runCli(['frobnicate', '--json'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(JSON.parse(stderr)).toEqual({
      error: 'Unknown verb "frobnicate"; one of serve, list, show, providers, export, send, replay, import, forge-test, calls, diff, wait (`hookscope --help` shows their options).'
    })
  })

  it('--help puts a long usage\'s summary on its own line (it was glued to the last option)', async () => {
    const { code, stdout } = await runCli(['--help'])
    expect(code).toBe(0)
    const lines = stdout.split('\n')
    const serve = lines.findIndex((l) => l.startsWith('  serve '))
    expect(lines[serve]).toMatch(/\[--min-free-disk-mb N\]$/)
    expect(lines[serve + 1].trim()).toBe('run the receiver (and optionally the web UI) headless until interrupted')
  })
})

describe('forge-test against a handler that is not running', () => {
  it('exits 1 saying nothing was tested (it exited 0, so a CI job passed green with the handler down)', async () => {
    const url = `http://${DEAD_HOST}:${await deadPort()}/webhooks`
    const db = join(tempFolder(), 'forge.db')
    const run = await runCli(['forge-test', '--provider', 'callpaymin', '--to', url, '--secret', 'whsec_test', '--gap-ms', '0', '--json', '--db', db])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { score: number; counts: { pass: number; error: number } }
    expect(report.counts.pass).toBe(0)
    expect(report.counts.error).toBeGreaterThan(0)
    expect(JSON.parse(run.stderr)).toEqual({ error: `No check got an answer from ${url}, so nothing was tested. Is your handler running?` })
  })
})

describe('--version', () => {
  it('prints the version of package.json (it was "Unknown verb" with exit 2)', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `hookscope ${version}\n`, stderr: '' })
    expect(await runCli(['--version', '--json'])).toEqual({ code: 0, stdout: `{"version":"${version}"}\n`, stderr: '' })
  })
})

describe('send and replay say what to add on the command line', () => {
  it('send without --secret names --secret (it said "enter its signing secret", the app\'s words); a stored secret still signs', async () => {
    const target = await startTarget()
    cleanups.push(() => target.close())
    const db = join(tempFolder(), 'send.db')
    const args = ['send', '--provider', 'callpaymin', '--event', 'call.ended', '--to', `${target.url}/webhooks`, '--json', '--db', db]
    const refused = await runCli(args)
    expect(refused.code).toBe(1)
    expect(JSON.parse(refused.stderr)).toEqual({
      error: "CallPayMin signs its deliveries: add --secret S (its signing secret, the one your handler verifies with), or store one for callpaymin in the app's Settings."
    })
    expect(target.seen).toHaveLength(0)
    const engine = new Engine({ dbPath: db, port: 0, log: () => {} })
    await engine.api.addSecret({ provider: 'callpaymin', value: 'whsec_stored' })
    await engine.stop()
    const sent = await runCli(args)
    expect(sent.stderr).toBe('')
    expect(sent.code).toBe(0)
    expect(target.seen).toHaveLength(1)
    expect(target.seen[0].rawHeaders.map(([n]) => n)).toContain('X-CallPayMin-Signature')
  })

  it('replay --resign of a capture from no known provider names --provider (it said "pick one to re-sign as")', async () => {
    const db = await seeded(1)
    const { code, stderr } = await runCli(['replay', '1', '--resign', '--secret', 's', '--to', 'http://127.0.0.1:9/x', '--json', '--db', db])
    expect(code).toBe(1)
    expect(JSON.parse(stderr)).toEqual({ error: 'Hookscope does not know which provider sent capture 1: add --provider P to re-sign it.' })
  })
})
