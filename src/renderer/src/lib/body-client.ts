// Talks to the body worker; small bodies are analysed inline (a worker round trip costs more than they do).
import { analyzeBody, base64ToBytes, type BodyAnalysis } from './body-analysis'
import type { JsonEntry, JsonSource } from './json-source'

export type BodyJob =
  | { type: 'analyze'; seq: number; base64: string; contentType: string | null }
  | { type: 'children'; seq: number; doc: number; path: string[]; from: number; to: number }

export type BodyJobResult =
  | { seq: number; ok: true; analysis: BodyAnalysis }
  | { seq: number; ok: true; entries: JsonEntry[] }
  | { seq: number; ok: false; error: string }

type Job = BodyJob extends infer J ? (J extends BodyJob ? Omit<J, 'seq'> : never) : never

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

async function call(job: Job): Promise<BodyJobResult & { ok: true }> {
  const id = ++seq
  const result = await new Promise<BodyJobResult>((resolve) => {
    waiting.set(id, resolve)
    getWorker().postMessage({ ...job, seq: id } as BodyJob)
  })
  if (!result.ok) throw new Error(result.error)
  return result
}

export async function analyze(base64: string, contentType: string | null): Promise<BodyAnalysis> {
  if (base64.length <= INLINE_LIMIT) return analyzeBody(base64ToBytes(base64), contentType)
  const result = await call({ type: 'analyze', base64, contentType })
  if (!('analysis' in result)) throw new Error('The body formatter gave an unexpected answer.')
  return result.analysis
}

/** A tree source over a JSON document the worker keeps. */
export function workerSource(doc: NonNullable<BodyAnalysis['jsonDoc']>): JsonSource {
  return {
    root: doc.root,
    fetch: async (path, from, to) => {
      const result = await call({ type: 'children', doc: doc.id, path, from, to })
      if (!('entries' in result)) throw new Error('The body formatter gave an unexpected answer.')
      return result.entries
    }
  }
}
