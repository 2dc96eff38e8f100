// Installs the application menu (template and decisions in menu-template.ts) and its two actions.
import { app, dialog, Menu, shell, type BrowserWindow } from 'electron'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VERSION } from '../engine/version'
import { aboutDetail, buildMenuTemplate, readmeLink } from './menu-template'

function projectHomepage(): unknown {
  try {
    return (JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')) as { homepage?: unknown }).homepage
  } catch {
    return undefined
  }
}

export function installAppMenu(window: () => BrowserWindow | null): void {
  const showAbout = (): void => {
    const options = {
      type: 'info' as const,
      title: `About ${app.getName()}`,
      message: app.getName(),
      detail: aboutDetail({ app: VERSION, electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node }),
      buttons: ['OK']
    }
    const parent = window()
    void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options))
  }
  const openReadme = (): void => {
    const bundled = join(app.getAppPath(), 'README.md')
    const link = readmeLink(projectHomepage(), existsSync(bundled) ? bundled : null)
    if (link) void shell.openExternal(link)
    else dialog.showErrorBox('README not found', 'This build carries no README and names no project page.')
  }
  const template = buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: app.getName() }, { showAbout, openReadme })
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
