// Exports written piece by piece, one capture at a time, so a million captures export in the memory
// of one. The text is exactly what renderExport produces for the same captures (JSON.stringify with
// two-space indents), so a streamed HAR and an in-memory one are the same file.
import { toCurl } from '../../../shared/curl'
import type { CapturedRequest } from '../../../shared/types'
import { VERSION } from '../version'
import { toListItem, type ExportFormat } from './export'
import { toEntry } from './har'

/** Takes text; resolves when it may take more (backpressure). */
export type Sink = (text: string) => void | Promise<void>

/** Splits a pretty-printed document around its (empty) list, so items can be written in between. */
function frame(document: unknown, listKey: string, depth: number): { head: string; tail: string; indent: string } {
  const text = JSON.stringify(document, null, 2)
  const marker = `"${listKey}": []`
  const at = text.indexOf(marker)
  return { head: text.slice(0, at + marker.length - 1), tail: text.slice(at + marker.length - 1), indent: ' '.repeat(depth * 2) }
}

/** Writes every capture the iterator yields; returns how many. */
export async function writeExport(format: ExportFormat, captures: Iterable<CapturedRequest> | AsyncIterable<CapturedRequest>, baseUrl: string, sink: Sink): Promise<number> {
  const base = baseUrl.replace(/\/$/, '')
  let count = 0
  if (format === 'curl') {
    for await (const r of captures) {
      const text = `# ${r.id} ${r.method} ${r.path}\n` + toCurl({ method: r.method, url: base + r.path, headers: r.headers, body: Buffer.from(r.bodyBase64, 'base64') })
      await sink((count++ ? '\n\n' : '') + text)
    }
    await sink('\n')
    return count
  }
  const { head, tail, indent } =
    format === 'har'
      ? frame({ log: { version: '1.2', creator: { name: 'Hookscope', version: VERSION }, entries: [] } }, 'entries', 3)
      : frame({ hookscope: 1, requests: [] }, 'requests', 2)
  await sink(head)
  for await (const r of captures) {
    const item = format === 'har' ? toEntry(r, base) : toListItem(r, true)
    // JSON strings never hold a raw newline, so re-indenting by line is safe.
    await sink((count++ ? ',\n' : '\n') + indent + JSON.stringify(item, null, 2).replace(/\n/g, '\n' + indent))
  }
  await sink((count ? '\n' + indent.slice(2) : '') + tail + '\n')
  return count
}
