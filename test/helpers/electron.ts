import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './cli'

/** Where Electron puts its executable inside a build folder, as node_modules/electron/install.js names it. */
function executableInDist(): string {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron'
  return process.platform === 'win32' ? 'electron.exe' : 'electron'
}

/**
 * The Electron binary `npm start` would run, or null when none is on this machine (tests then skip).
 * Resolved the way `require('electron')` does (ELECTRON_EXEC_PATH as electron-vite takes it, then
 * ELECTRON_OVERRIDE_DIST_PATH, then the binary Electron downloaded on first start), but never starts
 * that download: a test run must not wait on the network.
 */
export function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const candidates = [
    process.env.ELECTRON_EXEC_PATH,
    process.env.ELECTRON_OVERRIDE_DIST_PATH && join(process.env.ELECTRON_OVERRIDE_DIST_PATH, recorded ?? executableInDist()),
    recorded && join(dir, 'dist', recorded)
  ]
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null
}
