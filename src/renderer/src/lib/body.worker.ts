// Decoding base64, UTF-8 and JSON of a big body takes long enough to freeze the page: it runs here.
import { analyzeBody, base64ToBytes } from './body-analysis'
import type { BodyJob, BodyJobResult } from './body-client'

self.onmessage = (event: MessageEvent<BodyJob>) => {
  const { seq, base64, contentType } = event.data
  let message: BodyJobResult
  try {
    message = { seq, ok: true, analysis: analyzeBody(base64ToBytes(base64), contentType) }
  } catch (error) {
    message = { seq, ok: false, error: `Could not read this body: ${(error as Error).message}` }
  }
  const transfer = message.ok ? [message.analysis.bytes.buffer as ArrayBuffer] : []
  self.postMessage(message, { transfer })
}
