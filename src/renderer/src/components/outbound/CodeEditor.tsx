import { json } from '@codemirror/lang-json'
import { EditorState } from '@codemirror/state'
import { EditorView, basicSetup } from 'codemirror'
import { useEffect, useRef } from 'react'
import { codeTheme } from './code-theme'

interface Props {
  value: string
  onChange?: (value: string) => void
  readOnly?: boolean
  /** JSON highlighting, bracket matching and folding; off for other text. */
  language?: 'json' | 'text'
  testId?: string
  minHeight?: number
}

/**
 * CodeMirror 6 for request bodies. The text is handed to CodeMirror as a document (never as HTML), so a
 * hostile payload is only ever characters on screen.
 */
export function CodeEditor({ value, onChange, readOnly = false, language = 'json', testId, minHeight = 160 }: Props): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  const changed = useRef(onChange)
  changed.current = onChange

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          basicSetup,
          codeTheme,
          EditorView.lineWrapping,
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          ...(language === 'json' ? [json()] : []),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current?.(u.state.doc.toString())
          })
        ]
      })
    })
    view.current = editor
    return () => editor.destroy()
    // The editor is created once per mount; later value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `value` only seeds the editor; later values are applied by the effect below
  }, [readOnly, language])

  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
    }
  }, [value])

  return <div className="code-editor" ref={host} data-testid={testId} style={{ minHeight }} />
}
