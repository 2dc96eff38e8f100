// `npm run dist` packages what the app needs and nothing of the build: electron-builder runs for real
// (offline, from a stand-in Electron folder, as `--dir` so no installer is made), then the packaged
// app's own engine runs under plain Node from the unpacked layout and captures a delivery.
import { extractAll, extractFile, listPackage } from '@electron/asar'
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../helpers/cli'
import { projectCopy } from '../helpers/project-copy'
import { tempDir } from '../helpers/temp'

const BUILD_TOOLS = ['tsx', 'esbuild', 'vite', 'typescript', 'electron-vite', 'vitest', 'playwright', '@playwright/test', 'electron', 'electron-builder', 'rolldown']
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; productName: string; dependencies: Record<string, string> }

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => done({ code, output }))
  })
}

/** The top-level package names inside node_modules of the archive's file list. */
function packagedModules(files: string[]): Set<string> {
  const names = new Set<string>()
  for (const file of files) {
    const parts = file.split(/[\\/]/).filter(Boolean)
    if (parts[0] !== 'node_modules' || parts.length < 2) continue
    names.add(parts[1].startsWith('@') && parts.length > 2 ? `${parts[1]}/${parts[2]}` : parts[1])
  }
  return names
}

describe('npm run dist (unpacked, from a stand-in Electron folder)', () => {
  const project = projectCopy({ hardlinkNodeModules: true })
  const scratch = tempDir()
  let resources = ''
  let files: string[] = []

  beforeAll(async () => {
    const electronDist = join(scratch.dir, 'electron-dist')
    mkdirSync(electronDist)
    writeFileSync(join(electronDist, 'electron'), '#!/bin/sh\nexit 0\n')
    chmodSync(join(electronDist, 'electron'), 0o755)
    const { code, output } = await run('npm', ['run', 'dist', '--', '--dir', `-c.electronDist=${electronDist}`], project.dir)
    expect(code, output).toBe(0)
    resources = join(project.dir, 'dist', `${process.platform === 'darwin' ? 'mac' : process.platform}-unpacked`, 'resources')
    files = listPackage(join(resources, 'app.asar'), { isPack: false })
  }, 300_000)

  afterAll(() => {
    project.cleanup()
    scratch.cleanup()
  })

  it('packs main, preload, renderer, the icon and the production dependencies, and no build tool', () => {
    const inside = new Set(files.map((f) => f.replace(/\\/g, '/')))
    for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/renderer/favicon.svg', '/resources/icon.png', '/package.json']) {
      expect(inside, file).toContain(file)
    }
    const modules = packagedModules(files)
    for (const dep of Object.keys(pkg.dependencies)) expect(modules, dep).toContain(dep)
    // A dependency of a dependency (localtunnel's HTTP client) comes along too.
    expect(modules).toContain('axios')
    for (const tool of BUILD_TOOLS) expect(modules, tool).not.toContain(tool)
    // No C sources of SQLite (build-time only), no source maps or TypeScript declarations.
    expect(files.some((f) => /better-sqlite3[\\/](deps|src)[\\/]/.test(f))).toBe(false)
    expect(files.filter((f) => /\.(map|d\.ts)$/.test(f))).toEqual([])
  })

  it('keeps better-sqlite3 (with its native binary) and the SQLite thread files outside the archive', () => {
    const unpacked = join(resources, 'app.asar.unpacked')
    expect(existsSync(join(unpacked, 'node_modules/better-sqlite3/prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true)
    expect(existsSync(join(unpacked, 'node_modules/better-sqlite3/lib/index.js'))).toBe(true)
    expect(existsSync(join(unpacked, 'out/main/writer-thread.js'))).toBe(true)
    expect(existsSync(join(unpacked, 'out/main/checkpoint-thread.js'))).toBe(true)
    // A thread runs from the unpacked folder, so every file of ours it imports must be there too.
    for (const thread of ['writer-thread.js', 'checkpoint-thread.js']) {
      const code = readFileSync(join(unpacked, 'out/main', thread), 'utf8')
      const relative = [...code.matchAll(/\bfrom\s+["'](\.[^"']+)["']/g)].map((m) => m[1])
      for (const file of relative) expect(existsSync(join(unpacked, 'out/main', file)), `${thread} imports ${file}`).toBe(true)
    }
  })

  it('takes product name and version from package.json', () => {
    const inner = JSON.parse(extractFile(join(resources, 'app.asar'), 'package.json').toString()) as { version: string; productName: string }
    expect(inner.version).toBe(pkg.version)
    expect(inner.productName).toBe(pkg.productName)
  })

  it('runs its engine under plain Node from the packaged layout: one delivery captured over HTTP and read back', async () => {
    const app = join(scratch.dir, 'app')
    extractAll(join(resources, 'app.asar'), app)
    const db = join(scratch.dir, 'fresh', 'hookscope.db')
    mkdirSync(join(scratch.dir, 'fresh'))
    const cli = join(app, 'out/main/cli.js')

    const serve: ChildProcess = spawn(process.execPath, [cli, 'serve', '--json', '--port', '0', '--db', db], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    serve.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: serve.stdout! }).once('line', resolve)
        serve.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
      })
      const { receiver } = JSON.parse(first) as { receiver: string }
      expect(receiver).toMatch(/^http:\/\/127\.0\.0\.1:\d+/)
      const answer = await fetch(`${receiver}/packaged/delivery`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":"packaged"}' })
      expect(answer.status).toBe(200)
    } finally {
      const exited = new Promise((resolve) => serve.once('exit', resolve))
      serve.kill('SIGTERM')
      await exited
    }
    // The writer and checkpointer threads ran from the packaged files (no fall-back to the main thread).
    expect(stderr).not.toMatch(/main thread|unavailable|missing/)

    const { code, output } = await run(process.execPath, [cli, 'list', '--json', '--bodies', '--db', db], app)
    expect(code, output).toBe(0)
    const rows = JSON.parse(output) as { path: string; method: string; bodyBase64: string }[]
    expect(rows.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /packaged/delivery'])
    expect(Buffer.from(rows[0].bodyBase64, 'base64').toString()).toBe('{"event":"packaged"}')
  })
})
