import { useEffect } from 'react'
import { useEngineEvents } from '../hooks/useEngineEvents'
import { useStore } from '../store'
import { VIEWS } from './views'
import { UndoDeleteToast } from './signatures/UndoDeleteToast'
import { CopyButton } from './tunnel/CopyButton'
import { TunnelBar } from './tunnel/TunnelBar'
import { ErrorNote } from './ErrorNote'

export function App(): React.JSX.Element {
  useEngineEvents()
  const ready = useStore((s) => s.ready)
  const info = useStore((s) => s.info)
  const notice = useStore((s) => s.notice)
  const setNotice = useStore((s) => s.setNotice)
  const theme = useStore((s) => s.theme)
  const setTheme = useStore((s) => s.setTheme)
  const viewId = useStore((s) => s.view)
  const setView = useStore((s) => s.setView)
  const view = VIEWS.find((v) => v.id === viewId) ?? VIEWS[0]
  const View = view.component

  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])

  return (
    <div className="app" data-app-state={ready ? 'ready' : 'loading'}>
      <header className="topbar">
        <span className="brand">Hookscope</span>
        <nav className="views" aria-label="Views">
          {VIEWS.map((v) => (
            <button key={v.id} aria-current={v.id === view.id ? 'page' : undefined} data-testid={`view-${v.id}`} onClick={() => setView(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
        <span className="receiver">
          {info ? (
            <>
              <span className="receiver-label">Listening on</span>
              <span className="receiver-url" data-testid="receiver-url" title={info.receiverUrl}>
                {info.receiverUrl}
              </span>
              <CopyButton text={info.receiverUrl} testId="receiver-copy" />
            </>
          ) : (
            'Starting…'
          )}
        </span>
        <TunnelBar />
        <span className="spacer" />
        <button onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} data-testid="theme-toggle">
          {theme === 'dark' ? 'Light' : 'Dark'} theme
        </button>
      </header>
      <ErrorNote error={notice} testId="notice" className="notice" onDismiss={() => setNotice(null)} />
      <View />
      <UndoDeleteToast />
    </div>
  )
}
