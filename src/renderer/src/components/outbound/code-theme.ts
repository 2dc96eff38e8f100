import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { EditorView } from 'codemirror'
import { tags as t } from '@lezer/highlight'

/**
 * The editor's chrome and syntax colours, all from the app's CSS variables (styles.css), so both themes
 * keep every token at WCAG AA contrast. basicSetup only brings CodeMirror's light-theme highlight style
 * as a fallback, which this replaces (it painted `true` at 1.35:1 on the dark panel).
 */
const chrome = EditorView.theme({
  '&': { backgroundColor: 'var(--panel)', color: 'var(--text)', fontSize: '12px', border: '1px solid var(--line)', borderRadius: '4px' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--hover)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--sel)' },
  '&.cm-focused': { outline: '1px solid var(--accent)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--sel)', color: 'var(--text)', outline: '1px solid var(--line-2)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--bad-bg)', color: 'var(--bad)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--panel-2)', color: 'var(--muted)', border: '1px solid var(--line-2)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--line-2)' },
  '.cm-scroller': { overflow: 'auto' }
})

const highlight = HighlightStyle.define([
  { tag: t.propertyName, color: 'var(--j-key)' },
  { tag: [t.string, t.special(t.string)], color: 'var(--j-str)' },
  { tag: t.number, color: 'var(--j-num)' },
  { tag: [t.bool, t.null, t.keyword, t.atom], color: 'var(--j-lit)' },
  { tag: [t.punctuation, t.separator, t.bracket, t.squareBracket, t.brace], color: 'var(--muted)' },
  { tag: [t.comment, t.meta], color: 'var(--muted)', fontStyle: 'italic' },
  { tag: t.invalid, color: 'var(--bad)' }
])

export const codeTheme = [chrome, syntaxHighlighting(highlight)]
