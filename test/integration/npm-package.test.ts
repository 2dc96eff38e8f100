// The npm package as a user gets it: `npm pack` of this checkout, installed into an empty folder with
// `npm install --omit=dev <tarball>`, then the installed `hookscope` command (the .bin link, so the
// shebang and bin/hookscope.js are exercised) runs every verb and serves the web UI. One pack and one
// install for the whole file; it packs the build in out/ (npm test builds before this runs; run alone
// on a fresh checkout, it builds first).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const BUILD_FILES = ['out/main/cli.js', 'out/main/index.js', 'out/renderer/index.html']
const BUILD_TOOLS = ['tsx', 'esbuild', 'vite', 'typescript', 'electron-vite', 'electron', 'vitest', '@playwright/test']

let work: { dir: string; cleanup: () => void }
let app: string
let bin: string
let packedFiles: string[]
// `#!/usr/bin/env node` must find this Node (>= 22), not whatever else is on PATH; and the installed
// package must find its web UI by itself, not through an override.
const { HOOKSCOPE_RENDERER_DIR: _override, ...inherited } = process.env
const env = { ...inherited, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}` }

function npm(args: string[], cwd: string): string {
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000 })
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stderr}`)
  return result.stdout
}

function hookscope(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(bin, args, { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the output of many verbs; each test reads the shape its verb documents
async function json(args: string[]): Promise<any> {
  const run = await hookscope([...args, '--json'])
  if (run.code !== 0) throw new Error(`hookscope ${args.join(' ')} exited ${run.code}: ${run.stderr}`)
  return JSON.parse(run.stdout)
}

/** The installed `hookscope serve --json`, up to its first line. */
async function installedServe(args: string[]): Promise<{ info: { receiver: string; ui: string | null }; stop: () => Promise<number | null> }> {
  const child = spawn(bin, ['serve', '--json', ...args], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)))
  })
  return {
    info: JSON.parse(first),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
        child.once('exit', resolve)
        child.kill('SIGTERM')
      })
  }
}

beforeAll(() => {
  if (BUILD_FILES.some((f) => !existsSync(join(ROOT, f)))) {
    // A fresh checkout running vitest alone: build once, as `npm test` does before this file runs.
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, env, encoding: 'utf8' })
    if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stderr}`)
  }
  work = tempDir('hookscope-pkg-')
  // --ignore-scripts: pack the build that is there rather than rebuild out/ under other tests' feet
  // (a plain `npm pack` builds first through the prepack script).
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work.dir], ROOT)) as {
    filename: string
    files: { path: string }[]
  }[]
  packedFiles = packed.files.map((f) => f.path)
  app = join(work.dir, 'app')
  mkdirSync(app)
  writeFileSync(join(app, 'package.json'), '{"name":"empty-folder","private":true}')
  npm(['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', join(work.dir, packed.filename)], app)
  bin = join(app, 'node_modules', '.bin', 'hookscope')
}, 300_000)

afterAll(() => work?.cleanup())

describe('npm package', () => {
  it('carries the built CLI, main process and web UI, and no sources, tests or build tools', () => {
    for (const f of [...BUILD_FILES, 'bin/hookscope.js', 'package.json', 'README.md']) expect(packedFiles).toContain(f)
    expect(packedFiles.filter((f) => /^(src|test|scripts|\.ci)\//.test(f) || f.endsWith('.ts'))).toEqual([])
    const installed = join(app, 'node_modules')
    expect(BUILD_TOOLS.filter((tool) => existsSync(join(installed, tool)))).toEqual([])
    const manifest = JSON.parse(readFileSync(join(installed, 'hookscope', 'package.json'), 'utf8'))
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx')
  })

  it('the installed command runs every verb against a real database', async () => {
    const db = join(work.dir, 'captures.db')
    const help = await hookscope(['--help'])
    expect(help.code).toBe(0)
    for (const verb of ['serve', 'list', 'show', 'providers', 'export', 'import', 'send', 'replay', 'forge-test']) {
      expect(help.stdout).toContain(`  ${verb}`)
    }
    const unknown = await hookscope(['frobnicate', '--json'])
    expect(unknown.code).toBe(2)
    expect(JSON.parse(unknown.stderr.split('\n')[0]).error).toMatch(/Unknown verb "frobnicate"/)

    const providers = await json(['providers'])
    expect(providers.map((p: { id: string }) => p.id)).toContain('callpaymin')

    const serve = await installedServe(['--port', '0', '--db', db, '--secret', 'callpaymin=sek'])
    try {
      const sent = await json(['send', '--provider', 'callpaymin', '--event', 'call.ended', '--to', serve.info.receiver + '/cpm', '--secret', 'sek', '--db', db])
      expect(sent.response.status).toBe(200)
      const [item] = await json(['list', '--limit', '1', '--db', db])
      expect(item).toMatchObject({ method: 'POST', path: '/cpm', provider: 'callpaymin', eventType: 'call.ended', verdict: { status: 'valid' } })
      const shown = await json(['show', String(item.id), '--db', db])
      expect(Buffer.from(shown.bodyBase64, 'base64').toString()).toBe(sent.request.body)

      const har = join(work.dir, 'all.har')
      expect((await hookscope(['export', '--format', 'har', '--out', har, '--db', db, '--json'])).code).toBe(0)
      expect(JSON.parse(readFileSync(har, 'utf8')).log.entries).toHaveLength(1)
      const otherDb = join(work.dir, 'imported.db')
      expect(await json(['import', har, '--db', otherDb])).toMatchObject({ imported: 1 })

      const replay = await json(['replay', String(item.id), '--to', serve.info.receiver + '/again', '--db', db])
      expect(replay.response.status).toBe(200)
      const report = await json(['forge-test', '--provider', 'callpaymin', '--to', serve.info.receiver + '/forge', '--secret', 'sek', '--gap-ms', '0', '--db', join(work.dir, 'forge.db')])
      expect(report.checks.length).toBeGreaterThan(3)
      for (const check of report.checks) expect(Object.keys(check)).toEqual(expect.arrayContaining(['id', 'expected', 'observed', 'pass', 'advice']))
    } finally {
      expect(await serve.stop()).toBe(0)
    }
    // serve flushed and closed on SIGTERM: the replayed and forged deliveries are there too.
    const all = await json(['list', '--limit', '1000', '--db', db])
    expect(all.map((i: { path: string }) => i.path)).toContain('/again')
    expect(all.some((i: { path: string }) => i.path.startsWith('/forge'))).toBe(true)
  })

  it('serve --ui serves the built web UI, and its WebSocket answers only with the token', async () => {
    const serve = await installedServe(['--port', '0', '--ui', '--db', join(work.dir, 'ui.db')])
    try {
      const ui = new URL(serve.info.ui!)
      const page = await fetch(ui)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain('<div id="root">')
      const script = html.match(/<script[^>]+src="([^"]+)"/)![1]
      const asset = await fetch(new URL(script, ui))
      expect([asset.status, asset.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8'])

      const wsUrl = `ws://${ui.host}/ws?token=${ui.searchParams.get('token')}`
      const info = await new Promise<unknown>((resolve, reject) => {
        const ws = new WebSocket(wsUrl)
        ws.once('error', reject)
        ws.once('open', () => ws.send(JSON.stringify({ id: 1, method: 'getInfo' })))
        ws.on('message', (data) => {
          const message = JSON.parse(String(data))
          if (message.id !== 1) return
          ws.close()
          resolve(message)
        })
      })
      expect(info).toMatchObject({ id: 1, ok: true, result: { receiverUrl: serve.info.receiver } })

      const refused = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://${ui.host}/ws?token=wrong`)
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        ws.once('open', () => resolve(101))
        ws.once('error', () => {})
      })
      expect(refused).toBe(401)
    } finally {
      await serve.stop()
    }
  })

  it('bin/hookscope.js without a build says to run npm run build', () => {
    const copy = join(work.dir, 'unbuilt', 'bin')
    mkdirSync(copy, { recursive: true })
    writeFileSync(join(copy, 'hookscope.js'), readFileSync(join(ROOT, 'bin', 'hookscope.js')))
    writeFileSync(join(copy, '..', 'package.json'), '{"type":"module"}')
    const run = spawnSync(process.execPath, [join(copy, 'hookscope.js'), 'providers', '--json'], { encoding: 'utf8' })
    expect(run.status).toBe(1)
    expect(JSON.parse(run.stderr).error).toMatch(/run "npm run build"/)
  })

  it('bin/hookscope.js in an unbuilt checkout runs the sources through tsx (npx hookscope right after npm install)', () => {
    const checkout = join(work.dir, 'checkout')
    mkdirSync(join(checkout, 'bin'), { recursive: true })
    writeFileSync(join(checkout, 'bin', 'hookscope.js'), readFileSync(join(ROOT, 'bin', 'hookscope.js')))
    writeFileSync(join(checkout, 'package.json'), '{"type":"module"}')
    symlinkSync(join(ROOT, 'src'), join(checkout, 'src'))
    symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'))
    const run = spawnSync(process.execPath, [join(checkout, 'bin', 'hookscope.js'), 'providers', '--json'], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect((JSON.parse(run.stdout) as { id: string }[]).map((p) => p.id)).toContain('callpaymin')
  })
})
