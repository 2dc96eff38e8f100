// Electron entry: the only code that imports 'electron'. It wires the engine to a locked-down window.
import { app, dialog } from 'electron'
import { join } from 'node:path'
import { Engine } from './engine/engine'
import { hasCode } from '../shared/errors'
import { DB_FILE, defaultDataDir } from './engine/paths'
import { installAppMenu } from './shell/app-menu'
import { APP_ID } from './shell/app-id'
import { bringToFront } from './shell/bring-to-front'
import { registerIpc } from './shell/ipc'
import { notifyFailedVerifications } from './shell/notifications'
import { safeStorageCodec } from './shell/secret-codec'
import { createMainWindow, type MainWindow } from './shell/window'
import { hardenSession } from './shell/security'

app.setName('Hookscope')
if (process.platform === 'win32') app.setAppUserModelId(APP_ID)
// The same folder the CLI uses, so `hookscope list` sees what the window captured (and vice versa).
app.setPath('userData', defaultDataDir())
let engine: Engine | null = null
let main: MainWindow | null = null

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox()

/**
 * Starts the engine. A database that cannot be opened (locked by another Hookscope, disk full,
 * read-only) gets its plain-words message and a choice to retry or quit; a corrupt one has already
 * been moved aside by the engine, which the window then says.
 */
async function startEngine(dbPath: string): Promise<Engine | null> {
  for (;;) {
    try {
      const started = new Engine({ dbPath, port: Number(process.env.HOOKSCOPE_PORT) || undefined, secretCodec: safeStorageCodec(dbPath) })
      await started.start()
      return started
    } catch (error) {
      const retry = hasCode(error, 'database_unavailable')
      const choice = retry
        ? dialog.showMessageBoxSync({
            type: 'error',
            title: 'Hookscope could not open its database',
            message: (error as Error).message,
            detail: `Database: ${dbPath}`,
            buttons: ['Try again', 'Quit'],
            defaultId: 0,
            cancelId: 1
          })
        : (dialog.showErrorBox('Hookscope could not start', `${(error as Error).message}\n\nDatabase: ${dbPath}`), 1)
      if (choice !== 0) return null
    }
  }
}

async function boot(): Promise<void> {
  hardenSession()
  const dbPath = join(app.getPath('userData'), DB_FILE)
  engine = await startEngine(dbPath)
  if (!engine) {
    app.exit(1)
    return
  }
  main = createMainWindow(join(app.getPath('userData'), 'window-state.json'))
  const window = main.window
  installAppMenu(() => (main && !main.window.isDestroyed() ? main.window : null))
  registerIpc(engine, window)
  notifyFailedVerifications(engine, window)
  // Reopen the tunnel if it was running at quit, so the URL a provider knows keeps working.
  void engine.tunnel.resume()
  const recovery = engine.databaseRecovery
  if (recovery) {
    window.once('ready-to-show', () => {
      void dialog.showMessageBox(window, { type: 'warning', title: 'Started with a fresh database', message: recovery.message })
    })
  }
}

// Applies to every web contents the app ever creates, including ones a bug might open.
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

// One Hookscope per data folder: a second launch (the dock, a desktop shortcut) shows the first
// window and exits, instead of a second engine fighting over the database and the port.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => bringToFront(main?.window ?? null))
  app.whenReady().then(boot)
}

app.on('window-all-closed', () => app.quit())

// Quitting saves the window's place, then stops the engine: deliveries in flight are answered and
// stored, then the database is closed (Engine.stop), and only then does the process exit.
let stopping = false
app.on('before-quit', (event) => {
  main?.saveState()
  if (!engine || stopping) return
  stopping = true
  event.preventDefault()
  engine.stop().finally(() => app.exit(0))
})
