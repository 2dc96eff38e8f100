#!/usr/bin/env node
// The `hookscope` command: runs the CLI as built by `npm run build` (out/main/cli.js). The npm package
// ships it built; a checkout builds it once. Nothing is transpiled at run time.
import { existsSync } from 'node:fs'

const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`{"error":"Hookscope needs Node.js 22 or newer (this is ${process.version}). See README: Requirements."}`)
  process.exit(1)
}
const cli = new URL('../out/main/cli.js', import.meta.url)
if (!existsSync(cli)) {
  console.error(
    JSON.stringify({ error: 'The Hookscope CLI is not built (out/main/cli.js is missing): run "npm run build" in the Hookscope folder first.' })
  )
  process.exit(1)
}
await import(cli.href)
