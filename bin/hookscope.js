#!/usr/bin/env node
// The `hookscope` command: runs the CLI as built by `npm run build` (out/main/cli.js). The npm package
// ships it built. In a checkout that has not been built yet, it runs the sources through tsx (a dev
// dependency) so `npx hookscope` works right after `npm install`, only slower to start.
import { existsSync } from 'node:fs'

const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`{"error":"Hookscope needs Node.js 22 or newer (this is ${process.version}). See README: Requirements."}`)
  process.exit(1)
}
const cli = new URL('../out/main/cli.js', import.meta.url)
const source = new URL('../src/main/cli.ts', import.meta.url)
if (existsSync(cli)) await import(cli.href)
else if (existsSync(source) && (await import('tsx/esm/api').then((tsx) => tsx.register(), () => null))) await import(source.href)
else {
  console.error(
    JSON.stringify({ error: 'The Hookscope CLI is not built (out/main/cli.js is missing): run "npm run build" in the Hookscope folder first.' })
  )
  process.exit(1)
}
