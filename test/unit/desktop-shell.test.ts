// The desktop shell's decisions, as plain code: the application menu per platform and build, the
// About text, where README goes, and how a second launch brings the first window to the front.
import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { APP_ID } from '../../src/main/shell/app-id'
import { bringToFront, type FocusableWindow } from '../../src/main/shell/bring-to-front'
import { aboutDetail, buildMenuTemplate, readmeLink } from '../../src/main/shell/menu-template'

function roles(items: MenuItemConstructorOptions[] | undefined): string[] {
  return (items ?? []).flatMap((i) => (i.role ? [i.role] : i.type === 'separator' ? [] : [`label:${i.label}`]))
}

function menu(platform: NodeJS.Platform, isPackaged: boolean) {
  const calls: string[] = []
  const template = buildMenuTemplate(
    { platform, isPackaged, appName: 'Hookscope' },
    { showAbout: () => calls.push('about'), openReadme: () => calls.push('readme') }
  )
  const top = (name: string) => template.find((m) => m.label === name || m.role === name)
  const sub = (name: string) => top(name)?.submenu as MenuItemConstructorOptions[] | undefined
  const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as () => void)()
  return { template, top, sub, calls, click }
}

describe('application menu', () => {
  it('macOS: an app menu with About, Hide and Quit; Edit carries every clipboard role so copy/paste work in inputs', () => {
    const m = menu('darwin', true)
    expect(m.template[0].label).toBe('Hookscope')
    expect(roles(m.sub('Hookscope'))).toEqual(['label:About Hookscope', 'services', 'hide', 'hideOthers', 'unhide', 'quit'])
    expect(roles(m.sub('Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll'])
    expect(roles(m.sub('Window'))).toEqual(['minimize', 'zoom', 'front'])
    m.click(m.sub('Hookscope')![0])
    expect(m.calls).toEqual(['about'])
  })

  it('Windows and Linux: no app menu; File has Quit; Help has the README and About', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const m = menu(platform, true)
      expect(m.template.map((t) => t.label ?? t.role)).toEqual(['File', 'Edit', 'View', 'Window', 'help'])
      expect(roles(m.sub('File'))).toEqual(['quit'])
      expect(roles(m.sub('Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'])
      expect(roles(m.sub('help'))).toEqual(['label:Hookscope README', 'label:About Hookscope'])
      m.sub('help')!.forEach((item) => item.click && m.click(item))
      expect(m.calls).toEqual(['readme', 'about'])
    }
  })

  it('View offers Reload and the developer tools only in development, zoom and full screen always', () => {
    const dev = roles(menu('linux', false).sub('View'))
    const installed = roles(menu('linux', true).sub('View'))
    expect(dev).toEqual(['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(installed).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'])
    expect(roles(menu('darwin', true).sub('View'))).not.toContain('toggleDevTools')
  })

  it('About says the version first, then what it runs on', () => {
    expect(aboutDetail({ app: '0.1.0', electron: '45.4.1', chrome: '142.0.1', node: '24.1.0' })).toBe(
      'Version 0.1.0\nElectron 45.4.1\nChromium 142.0.1\nNode.js 24.1.0'
    )
  })

  it('README goes to the project page when package.json names one, else to the README shipped with the app', () => {
    expect(readmeLink('https://example.org/hookscope', '/x/README.md')).toBe('https://example.org/hookscope#readme')
    expect(readmeLink('https://example.org/hookscope#install', null)).toBe('https://example.org/hookscope#install')
    expect(readmeLink('javascript:alert(1)', '/opt/Hookscope/README.md')).toBe('file:///opt/Hookscope/README.md')
    expect(readmeLink(undefined, null)).toBeNull()
  })
})

describe('second launch', () => {
  function fakeWindow(state: { minimized: boolean; visible: boolean; destroyed?: boolean }) {
    const calls: string[] = []
    const window: FocusableWindow = {
      isDestroyed: () => state.destroyed ?? false,
      isMinimized: () => state.minimized,
      restore: () => calls.push('restore'),
      isVisible: () => state.visible,
      show: () => calls.push('show'),
      focus: () => calls.push('focus')
    }
    return { window, calls }
  }

  it('restores a minimized window, shows a hidden one, and focuses it', () => {
    const minimized = fakeWindow({ minimized: true, visible: true })
    expect(bringToFront(minimized.window)).toBe(true)
    expect(minimized.calls).toEqual(['restore', 'focus'])
    const hidden = fakeWindow({ minimized: false, visible: false })
    bringToFront(hidden.window)
    expect(hidden.calls).toEqual(['show', 'focus'])
  })

  it('says there is no window when it was closed, so the app opens a new one', () => {
    expect(bringToFront(null)).toBe(false)
    const closed = fakeWindow({ minimized: false, visible: true, destroyed: true })
    expect(bringToFront(closed.window)).toBe(false)
    expect(closed.calls).toEqual([])
  })
})

describe('application id', () => {
  it('is the one the installers name the app with (Windows shows notifications only for the shortcut id)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { build: { appId: string } }
    expect(APP_ID).toBe(pkg.build.appId)
  })
})
