import { useRef, useState } from 'react'
import { importMessage } from '../../../../shared/har-import-message'
import { useStore } from '../../store'
import type { ExportSelection } from '../../store/outbound-slice'
import { OutcomeNote, type Outcome } from '../ErrorNote'

const FORMATS = [
  { id: 'har', label: 'HAR' },
  { id: 'json', label: 'JSON' },
  { id: 'curl', label: 'cURL' }
] as const

/** Saves text as a file through a temporary object URL (the text is never put into the page as markup). */
function download(text: string, filename: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

interface Props {
  /** What the buttons export: these ids, or every capture the filters match. */
  selection: ExportSelection
  /** Says what that is ("Export 3 filtered requests:"), so nothing follows the filters silently. */
  label: string
  disabled?: boolean
  allowImport?: boolean
}

/** Export some captures as HAR 1.2, JSON or cURL; with `allowImport`, also read a HAR file back in. */
export function ExportImport({ selection, label, disabled = false, allowImport = false }: Props): React.JSX.Element {
  const exportRequests = useStore((s) => s.exportRequests)
  const importHar = useStore((s) => s.importHar)
  const file = useRef<HTMLInputElement>(null)
  const [message, setMessage] = useState<Outcome | null>(null)
  const run = async (format: 'har' | 'json' | 'curl'): Promise<void> => {
    const out = await exportRequests(selection, format)
    if ('error' in out) return setMessage({ ok: false, error: out.error })
    download(out.text, out.filename, out.mimeType)
    const what = out.truncated ? ` (the newest ${out.count.toLocaleString()}; \`hookscope export\` writes any number)` : ''
    setMessage({ ok: true, text: `Saved ${out.filename}${what}.` })
  }
  const onFile = async (f: File | undefined): Promise<void> => {
    if (!f) return
    const result = await importHar(await f.text())
    setMessage('error' in result ? { ok: false, error: result.error } : { ok: true, text: importMessage(result.imported, result.skipped, f.name) })
    if (file.current) file.current.value = ''
  }
  return (
    <div className="export-import" data-testid="export-import">
      <span className="muted" data-testid="export-label">
        {label}
      </span>
      {FORMATS.map((f) => (
        <button key={f.id} className="ghost" disabled={disabled} onClick={() => void run(f.id)} data-testid={`export-${f.id}`}>
          {f.label}
        </button>
      ))}
      {allowImport && (
        <>
          <button className="ghost" onClick={() => file.current?.click()} data-testid="import-har">
            Import HAR…
          </button>
          <input ref={file} type="file" accept=".har,application/json" hidden onChange={(e) => void onFile(e.target.files?.[0])} data-testid="import-har-file" />
        </>
      )}
      <OutcomeNote outcome={message} testId="export-import-message" />
    </div>
  )
}
