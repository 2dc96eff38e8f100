import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
/**
 * Tests run the CLI from source through tsx (a dev dependency), so they test the tree as it is, with
 * no build to go stale. What users run (bin/hookscope.js starting the built out/main/cli.js) is tested
 * from a packed and installed package in test/integration/npm-package.test.ts.
 */
export const CLI_SOURCE = fileURLToPath(new URL('../../src/main/cli.ts', import.meta.url))
const CLI_ARGS = ['--import', 'tsx', CLI_SOURCE]

export interface ServeInfo {
  receiver: string
  tunnel: string | null
  ui: string | null
}

export interface RunningServe {
  info: ServeInfo
  child: ChildProcess
  stderr: () => string
  stop: () => Promise<number | null>
}

/** Starts `hookscope serve --json` as a real process and waits for its first line. */
export async function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningServe> {
  const child = spawn(process.execPath, [...CLI_ARGS, 'serve', '--json', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  const lines = createInterface({ input: child.stdout! })
  const first = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in time: ${err}`)), 30_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      resolve(line)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve exited with ${code}: ${err}`))
    })
  })
  return {
    info: JSON.parse(first) as ServeInfo,
    child,
    stderr: () => err,
    stop: () =>
      new Promise((resolve) => {
        // Already gone (by its own exit or by a signal): a second stop must not wait forever.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode)
        child.once('exit', (code) => resolve(code))
        child.kill('SIGTERM')
      })
  }
}

/** Runs a one-shot CLI verb and returns its exit code and output. */
export function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
