import { BrowserWindow, shell } from 'electron'
import { join } from 'node:path'
// electron-vite copies the file beside the bundle and gives its path (resources/ is not packaged as is).
import icon from '../../../resources/icon.png?asset'

const isHttpLink = (url: string): boolean => /^https?:\/\//i.test(url)

/** The one page the window ever shows (production build). */
export const RENDERER_INDEX = join(import.meta.dirname, '../renderer/index.html')

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 880,
    minWidth: 900,
    minHeight: 560,
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
  window.once('ready-to-show', () => window.show())
  // Links a user clicks (docs) open in the system browser; nothing opens inside the app.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isHttpLink(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void window.loadFile(RENDERER_INDEX)
  return window
}
