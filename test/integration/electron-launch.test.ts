// `npm start` on a fresh checkout: the launcher resolves Electron's binary through Electron's own module
// and hands it to electron-vite. A stand-in executable (a shell script, passed the way a user would
// with ELECTRON_OVERRIDE_DIST_PATH) records how it was started; offline is simulated by pointing
// Electron's download mirror at a loopback port that refuses connections.
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { electronBinary } from '../helpers/electron'
import { projectCopy } from '../helpers/project-copy'
import { tempDir } from '../helpers/temp'

function npmStart(cwd: string, env: NodeJS.ProcessEnv, script = 'start'): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn('npm', ['run', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => done({ code, output }))
  })
}

/** A loopback port nothing listens on: connecting to it is refused at once. */
async function refusedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((ok) => server.close(() => ok()))
  return port
}

/** The environment of a fresh shell: no Electron location inherited from the one running the tests. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...process.env }
  for (const key of Object.keys(env)) if (/^(ELECTRON_|npm_config_electron)/i.test(key)) delete env[key]
  return { ...env, ...extra }
}

describe('npm start', () => {
  const project = projectCopy()
  const scratch = tempDir()
  afterAll(() => {
    project.cleanup()
    scratch.cleanup()
  })

  // Only reachable where Electron has not been downloaded yet (then require('electron') downloads).
  it.skipIf(electronBinary() !== null)('offline: says what failed and that `hookscope serve --ui` works now, and exits non-zero', async () => {
    const mirror = `http://127.0.0.1:${await refusedPort()}/`
    const cache = join(scratch.dir, 'electron-cache')
    mkdirSync(cache)
    const { code, output } = await npmStart(
      project.dir,
      cleanEnv({ ELECTRON_MIRROR: mirror, npm_config_electron_mirror: mirror, electron_config_cache: cache })
    )
    expect(code).not.toBe(0)
    expect(output).toContain('Downloading Electron binary')
    expect(output).toMatch(/could not start: the Electron binary is not on this machine and downloading it failed/)
    expect(output).toContain('`npx hookscope serve --ui` runs the same app in a browser now')
    // It stopped before building anything.
    expect(existsSync(join(project.dir, 'out'))).toBe(false)
  })

  /** A stand-in Electron: records its folder, its arguments and the dev server URL it was given, then exits. */
  function standIn(): { dist: string; record: string } {
    const dist = join(scratch.dir, 'electron-dist')
    const record = join(scratch.dir, 'argv.txt')
    if (!existsSync(dist)) {
      mkdirSync(dist)
      writeFileSync(join(dist, 'electron'), '#!/bin/sh\nprintf "%s\\n" "$ELECTRON_RENDERER_URL" "$PWD" "$@" > "$STANDIN_RECORD"\n')
      chmodSync(join(dist, 'electron'), 0o755)
    }
    return { dist, record }
  }

  it('builds the app and runs the Electron binary named by ELECTRON_OVERRIDE_DIST_PATH with the app as entry', async () => {
    const { dist, record } = standIn()
    const { code, output } = await npmStart(project.dir, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, STANDIN_RECORD: record }))
    expect(code, output).toBe(0)
    const [rendererUrl, cwd, entry, ...rest] = readFileSync(record, 'utf8').trimEnd().split('\n')
    expect(rest).toEqual([])
    // Built files, no dev server.
    expect(rendererUrl).toBe('')
    // The entry is the app folder, whose package.json "main" is the main bundle the build just wrote.
    const appDir = resolve(cwd, entry)
    expect(realpathSync(appDir)).toBe(realpathSync(project.dir))
    const main = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8')).main as string
    expect(readFileSync(join(appDir, main), 'utf8')).toContain('BrowserWindow')
    expect(existsSync(join(appDir, 'out/preload/index.cjs'))).toBe(true)
    expect(existsSync(join(appDir, 'out/renderer/index.html'))).toBe(true)
  })

  it('npm run dev starts the same way, with the renderer on a dev server', async () => {
    const { dist, record } = standIn()
    const { code, output } = await npmStart(project.dir, cleanEnv({ ELECTRON_OVERRIDE_DIST_PATH: dist, STANDIN_RECORD: record }), 'dev')
    expect(code, output).toBe(0)
    const [rendererUrl, cwd, entry] = readFileSync(record, 'utf8').trimEnd().split('\n')
    expect(rendererUrl).toMatch(/^http:\/\/localhost:\d+/)
    expect(realpathSync(resolve(cwd, entry))).toBe(realpathSync(project.dir))
  })
})
