import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Hookscope'
export const DB_FILE = 'hookscope.db'

/** The same folder Electron's app.getPath('userData') gives, so the CLI and the app share captures. */
export function defaultDataDir(): string {
  const env = process.env
  if (env.HOOKSCOPE_DATA_DIR) return env.HOOKSCOPE_DATA_DIR
  switch (process.platform) {
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME)
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
  }
}

export function defaultDbPath(): string {
  return join(defaultDataDir(), DB_FILE)
}
