#!/usr/bin/env node
// The `hookscope` command: runs the TypeScript CLI through tsx, so a checkout needs no build step.
const major = Number(process.versions.node.split('.')[0])
if (major < 22) {
  console.error(`{"error":"Hookscope needs Node.js 22 or newer (this is ${process.version}). See README: Requirements."}`)
  process.exit(1)
}
const { register } = await import('tsx/esm/api')
register()
await import('../src/main/cli.ts')
