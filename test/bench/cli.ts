// CLI start-up (a script, not a test): `npm run bench cli [rounds]` (after `npm run build`).
// Target (DESIGN.md section 7): `hookscope providers --json` within 3x of `node -e 0`. Both are run
// alternately in the same rounds so machine noise hits both alike; the figure is the ratio of medians.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fmt, median, ROOT } from './util'

const BIN = fileURLToPath(new URL('../../bin/hookscope.js', import.meta.url))
const BUILT = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))
const SOURCE = fileURLToPath(new URL('../../src/main/cli.ts', import.meta.url))
const TARGET_RATIO = 3

function wallMs(args: string[]): number {
  const started = process.hrtime.bigint()
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}: ${result.stderr}`)
  return ms
}

export async function cliBench(args: string[]): Promise<boolean> {
  if (!existsSync(BUILT)) {
    console.error('bench cli: out/main/cli.js is missing; run "npm run build" first.')
    return false
  }
  const rounds = Number(args[0]) || 21
  // The providers list must be real output, not an error that happens to exit fast.
  const out = spawnSync(process.execPath, [BIN, 'providers', '--json'], { cwd: ROOT, encoding: 'utf8' })
  const providers = JSON.parse(out.stdout) as unknown[]
  if (!Array.isArray(providers) || providers.length === 0) throw new Error('providers --json printed no providers')

  const bare: number[] = []
  const cli: number[] = []
  // For comparison: the same verb from source through tsx, which is how bin ran before the CLI shipped built.
  const viaTsx: number[] = []
  const variants: [number[], string[]][] = [
    [bare, ['-e', '0']],
    [cli, [BIN, 'providers', '--json']],
    [viaTsx, ['--import', 'tsx', SOURCE, 'providers', '--json']]
  ]
  for (const [, args] of variants) wallMs(args) // warm the file cache before measuring
  for (let i = 0; i < rounds; i++) for (const [times, args] of variants) times.push(wallMs(args))
  const ratio = median(cli) / median(bare)
  const line = (name: string, xs: number[]): string =>
    `${name.padEnd(40)} median ${fmt(median(xs))} ms (min ${fmt(Math.min(...xs))}), ${fmt(median(xs) / median(bare), 2)}x node -e 0`
  console.log(`rounds: ${rounds} (alternating), wall time per process start`)
  console.log(line('node -e 0', bare))
  console.log(line('hookscope providers --json (built)', cli))
  console.log(line('providers --json from source via tsx', viaTsx))
  console.log(`ratio: ${fmt(ratio, 2)}x (target <= ${TARGET_RATIO}x) ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`)
  return true
}
