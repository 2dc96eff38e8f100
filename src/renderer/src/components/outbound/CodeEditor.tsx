import { json } from '@codemirror/lang-json'
import { EditorState } from '@codemirror/state'
import { EditorView, basicSetup } from 'codemirror'
import { useEffect, useEffectEvent, useRef } from 'react'
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
  // Read by the editor, not watched: `value` only seeds a new editor (later values are applied by the
  // effect below) and the latest onChange hears every edit.
  const seedText = useEffectEvent(() => value)
  const changed = useEffectEvent((text: string) => onChange?.(text))

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: seedText(),
        extensions: [
          basicSetup,
          codeTheme,
          EditorView.lineWrapping,
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          ...(language === 'json' ? [json()] : []),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed(u.state.doc.toString())
          })
        ]
      })
    })
    view.current = editor
    return () => editor.destroy()
  }, [readOnly, language])

  useEffect(() => {
    const editor = view.current
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } })
    }
  }, [value])

  return <div className="code-editor" ref={host} data-testid={testId} style={{ minHeight }} />
}
