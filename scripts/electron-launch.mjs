#!/usr/bin/env node
// `npm start` and `npm run dev`: finds Electron's binary through Electron's own module, then runs
// electron-vite with it. Electron (since 45) has no install script: `require('electron')` downloads the
// binary on first use (with its progress output) and honours ELECTRON_OVERRIDE_DIST_PATH, whereas
// electron-vite only reads node_modules/electron/path.txt, which nothing writes before that download,
// and fails with "Electron uninstall". electron-vite takes the binary from ELECTRON_EXEC_PATH instead.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const [mode = 'preview', ...args] = process.argv.slice(2)

function offline(reason) {
  console.error(
    `\nHookscope could not start: the Electron binary is not on this machine and downloading it failed ` +
      `(${reason}). Electron fetches it once, on the first \`npm start\`, from its release mirror ` +
      `(ELECTRON_MIRROR if set); check the network or proxy and run \`npm start\` again, or point ` +
      `ELECTRON_OVERRIDE_DIST_PATH at a folder holding an Electron build. Meanwhile ` +
      `\`npx hookscope serve --ui\` runs the same app in a browser now, with no download.\n`
  )
  process.exit(1)
}

let binary
try {
  binary = require('electron')
} catch {
  // Electron's own error suggests reinstalling; the real cause (network, mirror) is printed above it.
  offline('the download error is printed above')
}
if (typeof binary !== 'string' || !existsSync(binary)) offline(`no executable at ${binary}`)

const electronVite = require.resolve('electron-vite/package.json').replace(/package\.json$/, 'bin/electron-vite.js')
const child = spawn(process.execPath, [electronVite, mode, ...args], {
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: binary }
})
// Ctrl+C reaches electron-vite through the terminal's process group; only the status is passed on.
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
