import { BrowserWindow, screen, shell } from 'electron'
import { join } from 'node:path'
// electron-vite copies the file beside the bundle and gives its path (resources/ is not packaged as is).
import icon from '../../../resources/icon.png?asset'
import { DEFAULT_SIZE, fitToDisplays, MIN_SIZE, readWindowState, writeWindowState } from './window-state'

const isHttpLink = (url: string): boolean => /^https?:\/\//i.test(url)

/** The one page the window ever shows (production build). */
export const RENDERER_INDEX = join(import.meta.dirname, '../renderer/index.html')

export interface MainWindow {
  window: BrowserWindow
  /** Writes the window's size and position now (the app calls it before quitting). */
  saveState: () => void
}

/** Opens the window where it was last time, if that is still on a display (window-state.ts). */
export function createMainWindow(stateFile: string): MainWindow {
  const saved = readWindowState(stateFile)
  const bounds = fitToDisplays(saved?.bounds ?? null, screen.getAllDisplays().map((d) => d.workArea))
  const window = new BrowserWindow({
    ...(bounds ?? DEFAULT_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Hookscope',
    backgroundColor: '#14161a',
    // Linux shows it in the window list and dock; macOS and Windows take the app bundle's icon.
    icon,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click on a link would otherwise try to open a new window.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    }
  })
  if (bounds && saved?.maximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  // Links a user clicks (docs) open in the system browser; nothing opens inside the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isHttpLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void window.loadFile(RENDERER_INDEX)

  const saveState = (): void => {
    if (window.isDestroyed()) return
    try {
      writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() })
    } catch {
      // A read-only or full disk costs the remembered position, nothing more.
    }
  }
  window.on('close', saveState)
  return { window, saveState }
}
