// `npm run bench [name] [-- args]`: runs every benchmark, or the one named. Benchmarks are scripts,
// not tests: they print figures (ratios against a baseline measured in the same run) and fail only
// when a correctness check inside them fails (e.g. an acknowledged request missing from the database).
import { callsBench } from './calls'
import { captureBench } from './capture'
import { cliBench } from './cli'
import { forgeBench } from './forge'
import { retentionBench } from './retention'
import { limitsBench } from './limits'
import { storeBench } from './store'
import { uiBench } from './ui'

const BENCHES: Record<string, (args: string[]) => Promise<boolean>> = {
  calls: callsBench,
  capture: captureBench,
  cli: cliBench,
  forge: forgeBench,
  store: storeBench,
  retention: retentionBench,
  limits: limitsBench,
  ui: uiBench
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2)
  if (name && !BENCHES[name]) {
    console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHES).join(', ')}`)
    process.exit(2)
  }
  const names = name ? [name] : Object.keys(BENCHES)
  let ok = true
  for (const n of names) {
    const started = Date.now()
    console.log(`\n== bench ${n}`)
    ok = (await BENCHES[n](name ? args : [])) && ok
    console.log(`== bench ${n}: ${((Date.now() - started) / 1000).toFixed(0)} s`)
  }
  process.exit(ok ? 0 : 1)
}

void main()
