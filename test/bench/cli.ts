// CLI start-up (a script, not a test): `npm run bench cli [rounds]` (after `npm run build`).
// Target (DESIGN.md section 7): `hookscope providers --json` within 3x of `node -e 0`. Both are run
// alternately in the same rounds so machine noise hits both alike; the figure is the ratio of medians.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fmt, median, ROOT } from './util'

const BIN = fileURLToPath(new URL('../../bin/hookscope.js', import.meta.url))
const BUILT = fileURLToPath(new URL('../../out/main/cli.js', import.meta.url))
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
  wallMs(['-e', '0']) // warm the file cache for both before measuring
  wallMs([BIN, 'providers', '--json'])
  for (let i = 0; i < rounds; i++) {
    bare.push(wallMs(['-e', '0']))
    cli.push(wallMs([BIN, 'providers', '--json']))
  }
  const ratio = median(cli) / median(bare)
  console.log(`rounds: ${rounds} (alternating), wall time per process start`)
  console.log(`node -e 0:                    median ${fmt(median(bare))} ms (min ${fmt(Math.min(...bare))})`)
  console.log(`hookscope providers --json:   median ${fmt(median(cli))} ms (min ${fmt(Math.min(...cli))})`)
  console.log(`ratio: ${fmt(ratio, 2)}x (target <= ${TARGET_RATIO}x) ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'}`)
  return true
}
