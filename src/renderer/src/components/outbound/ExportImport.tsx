import { useRef, useState } from 'react'
import { importMessage } from '../../../../shared/har-import-message'
import { useStore } from '../../store'

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

/** Export some captures as HAR 1.2, JSON or cURL; with `allowImport`, also read a HAR file back in. */
export function ExportImport({ ids, label, allowImport = false }: { ids: number[]; label: string; allowImport?: boolean }): React.JSX.Element {
  const exportRequests = useStore((s) => s.exportRequests)
  const importHar = useStore((s) => s.importHar)
  const file = useRef<HTMLInputElement>(null)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const run = async (format: 'har' | 'json' | 'curl'): Promise<void> => {
    const out = await exportRequests(ids, format)
    if ('error' in out) return setMessage({ error: true, text: out.error })
    download(out.text, out.filename, out.mimeType)
    setMessage({ error: false, text: `Saved ${out.filename}.` })
  }
  const onFile = async (f: File | undefined): Promise<void> => {
    if (!f) return
    const result = await importHar(await f.text())
    setMessage('error' in result ? { error: true, text: result.error } : { error: false, text: importMessage(result.imported, result.skipped, f.name) })
    if (file.current) file.current.value = ''
  }
  return (
    <div className="export-import" data-testid="export-import">
      <span className="muted">{label}</span>
      {FORMATS.map((f) => (
        <button key={f.id} className="ghost" disabled={ids.length === 0} onClick={() => void run(f.id)} data-testid={`export-${f.id}`}>
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
      {message && (
        <span className={message.error ? 'inline-error' : 'muted'} role="status" data-testid="export-import-message">
          {message.text}
        </span>
      )}
    </div>
  )
}
