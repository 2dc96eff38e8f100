// Decoding base64, UTF-8 and JSON of a big body takes long enough to freeze the page: it runs here.
// A big JSON document also stays here; the page asks for the children it shows (json-source.ts).
import { analyzeBody, base64ToBytes, type BodyAnalysis } from './body-analysis'
import type { BodyJob, BodyJobResult } from './body-client'
import { childrenAt, describeJson } from './json-source'

/** Above this size the parsed document stays in the worker rather than being copied to the page. */
const KEEP_JSON_BYTES = 512 * 1024
// More than the page's body cache (hooks/useBody.ts) holds, so a cached analysis never loses its document.
const MAX_DOCS = 8
const docs = new Map<number, unknown>()
let nextDoc = 1

/** Keeps a parsed document here and gives the page a handle to it instead of the document itself. */
function keepDocument(analysis: BodyAnalysis): void {
  const id = nextDoc++
  docs.set(id, analysis.json)
  if (docs.size > MAX_DOCS) docs.delete(docs.keys().next().value as number)
  analysis.jsonDoc = { id, root: describeJson(analysis.json) }
  delete analysis.json
}

function run(job: BodyJob): BodyJobResult {
  if (job.type === 'children') {
    if (!docs.has(job.doc)) return { seq: job.seq, ok: false, error: 'This body is no longer loaded; select the request again.' }
    return { seq: job.seq, ok: true, entries: childrenAt(docs.get(job.doc), job.path, job.from, job.to) }
  }
  const analysis = analyzeBody(base64ToBytes(job.base64), job.contentType)
  if (analysis.kind === 'json' && analysis.bytes.length > KEEP_JSON_BYTES) keepDocument(analysis)
  return { seq: job.seq, ok: true, analysis }
}

self.onmessage = (event: MessageEvent<BodyJob>) => {
  let message: BodyJobResult
  try {
    message = run(event.data)
  } catch (error) {
    message = { seq: event.data.seq, ok: false, error: `Could not read this body: ${(error as Error).message}` }
  }
  const analysis = message.ok && 'analysis' in message ? message.analysis : null
  try {
    self.postMessage(message, { transfer: analysis ? [analysis.bytes.buffer as ArrayBuffer] : [] })
  } catch (error) {
    // Structured cloning recurses: a small but 10k-levels-deep document overflows its stack.
    // Keep such a document here too; the tree then fetches only the levels it opens.
    if (!analysis || analysis.json === undefined) throw error
    keepDocument(analysis)
    self.postMessage(message, { transfer: [analysis.bytes.buffer as ArrayBuffer] })
  }
}
