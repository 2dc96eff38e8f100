// The application menu, as data: the standard roles each platform expects, built by a plain function
// (no electron import at run time) so what each platform and build gets is unit-tested.
import type { MenuItemConstructorOptions } from 'electron'
import { pathToFileURL } from 'node:url'

export interface MenuContext {
  platform: NodeJS.Platform
  /** Development builds get Reload and the developer tools; installed ones do not. */
  isPackaged: boolean
  appName: string
}

export interface MenuActions {
  showAbout: () => void
  openReadme: () => void
}

export function buildMenuTemplate(context: MenuContext, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = context.platform === 'darwin'
  const about: MenuItemConstructorOptions = { label: `About ${context.appName}`, click: () => actions.showAbout() }
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: context.appName,
      submenu: [
        about,
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' }
      ]
    })
  }
  template.push({ label: 'File', submenu: [mac ? { role: 'close' } : { role: 'quit' }] })
  // On macOS the clipboard shortcuts of every text field come from these menu roles: without them
  // Cmd+C / Cmd+V do nothing in the app's inputs.
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' }
    ]
  })
  template.push({
    label: 'View',
    submenu: [
      ...(context.isPackaged
        ? []
        : ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  })
  template.push({
    label: 'Window',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }]
  })
  template.push({
    role: 'help',
    submenu: [{ label: `${context.appName} README`, click: () => actions.openReadme() }, ...(mac ? [] : [{ type: 'separator' } as const, about])]
  })
  return template
}

/** The About box's text: the version first, then what it runs on (what a bug report needs). */
export function aboutDetail(versions: { app: string; electron?: string; chrome?: string; node: string }): string {
  return [
    `Version ${versions.app}`,
    versions.electron ? `Electron ${versions.electron}` : null,
    versions.chrome ? `Chromium ${versions.chrome}` : null,
    `Node.js ${versions.node}`
  ]
    .filter((line): line is string => line !== null)
    .join('\n')
}

/**
 * Where "README" goes: the project's page when package.json names one (`homepage`, http(s) only),
 * otherwise the README.md that ships beside the app, otherwise null (the item then says so).
 */
export function readmeLink(homepage: unknown, bundledReadme: string | null): string | null {
  if (typeof homepage === 'string' && /^https?:\/\/[^\s]+$/i.test(homepage)) {
    return homepage.includes('#') ? homepage : `${homepage}#readme`
  }
  return bundledReadme ? pathToFileURL(bundledReadme).href : null
}
