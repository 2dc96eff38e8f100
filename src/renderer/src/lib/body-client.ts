// Talks to the body worker; small bodies are analysed inline (a worker round trip costs more than they do).
import { analyzeBody, base64ToBytes, type BodyAnalysis } from './body-analysis'

export interface BodyJob {
  seq: number
  base64: string
  contentType: string | null
}

export type BodyJobResult = { seq: number; ok: true; analysis: BodyAnalysis } | { seq: number; ok: false; error: string }

const INLINE_LIMIT = 64 * 1024

let worker: Worker | null = null
let seq = 0
const waiting = new Map<number, (result: BodyJobResult) => void>()

function getWorker(): Worker {
  if (worker) return worker
  worker = new Worker(new URL('./body.worker.ts', import.meta.url), { type: 'module' })
  worker.onmessage = (event: MessageEvent<BodyJobResult>) => {
    waiting.get(event.data.seq)?.(event.data)
    waiting.delete(event.data.seq)
  }
  worker.onerror = () => {
    for (const resolve of waiting.values()) resolve({ seq: -1, ok: false, error: 'The body formatter stopped unexpectedly.' })
    waiting.clear()
    worker = null
  }
  return worker
}

export async function analyze(base64: string, contentType: string | null): Promise<BodyAnalysis> {
  if (base64.length <= INLINE_LIMIT) return analyzeBody(base64ToBytes(base64), contentType)
  const id = ++seq
  const result = await new Promise<BodyJobResult>((resolve) => {
    waiting.set(id, resolve)
    getWorker().postMessage({ seq: id, base64, contentType } satisfies BodyJob)
  })
  if (!result.ok) throw new Error(result.error)
  return result.analysis
}
