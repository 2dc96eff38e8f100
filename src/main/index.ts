// Electron entry: the only code that imports 'electron'. It wires the engine to a locked-down window.
import { app, BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import { Engine } from './engine/engine'
import { DB_FILE, defaultDataDir } from './engine/paths'
import { registerIpc } from './shell/ipc'
import { createMainWindow } from './shell/window'
import { hardenSession } from './shell/security'

app.setName('Hookscope')
// The same folder the CLI uses, so `hookscope list` sees what the window captured (and vice versa).
app.setPath('userData', defaultDataDir())
let engine: Engine | null = null

async function boot(): Promise<void> {
  hardenSession()
  const dbPath = join(app.getPath('userData'), DB_FILE)
  try {
    engine = new Engine({ dbPath, port: Number(process.env.HOOKSCOPE_PORT) || undefined })
    await engine.start()
  } catch (error) {
    dialog.showErrorBox('Hookscope could not start', `${(error as Error).message}\n\nDatabase: ${dbPath}`)
    app.exit(1)
    return
  }
  const window = createMainWindow()
  registerIpc(engine, window)
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

app.whenReady().then(boot)

app.on('window-all-closed', () => app.quit())

let stopping = false
app.on('before-quit', (event) => {
  if (!engine || stopping) return
  stopping = true
  event.preventDefault()
  engine.stop().finally(() => app.exit(0))
})
