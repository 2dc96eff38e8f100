// The writer thread: a capture's promise resolves only once another connection can read the row,
// batches keep arrival order, close() drains what is queued, and a thread that cannot open the
// database hands every queued row to the in-thread writer instead of losing it.
import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BatchedWriter, type CaptureWriter } from '../../src/main/engine/store/batched-writer'
import { openDatabase } from '../../src/main/engine/store/db'
import { RequestStore } from '../../src/main/engine/store/request-store'
import type { NewRequest } from '../../src/main/engine/store/rows'
import { WorkerWriter } from '../../src/main/engine/store/worker-writer'
import { newRequest } from '../helpers/rows'
import { tempDir } from '../helpers/temp'

function row(path: string, body: Buffer): NewRequest {
  return newRequest(path, body, {
    headers: [['X-Dup', 'a'], ['x-dup', 'b']],
    response: { status: 200, headers: [], bodyBase64: '', delayMs: 0 },
    durationMs: 1.5
  })
}

describe('WorkerWriter', () => {
  let cleanup = (): void => {}
  afterEach(() => cleanup())

  function setup(): { file: string; store: RequestStore; committed: number[][]; logged: string[]; close: () => void } {
    const temp = tempDir()
    const file = join(temp.dir, 'hookscope.db')
    const db = openDatabase(file)
    cleanup = () => {
      if (db.open) db.close()
      temp.cleanup()
    }
    return { file, store: new RequestStore(db), committed: [], logged: [], close: () => db.close() }
  }

  it('resolves each capture with its id only after commit, keeps order and bytes, and drains on close', async () => {
    const t = setup()
    const writer = WorkerWriter.start({
      file: t.file,
      onCommitted: (ids) => t.committed.push(ids),
      fallback: () => new BatchedWriter(t.store, () => {}),
      log: (m) => t.logged.push(m),
      autocheckpointPages: 1000
    })!
    expect(writer).toBeInstanceOf(WorkerWriter)
    const reader = new Database(t.file, { readonly: true })
    try {
      const bodies = Array.from({ length: 300 }, (_, i) => (i === 7 ? Buffer.alloc(0) : randomBytes(1 + (i * 37) % 5000)))
      const check = reader.prepare('SELECT path, body, headers FROM requests WHERE id = ?')
      const ids = await Promise.all(
        bodies.map(async (body, i) => {
          const id = await writer.write(row(`/w/${i}`, body))
          // Visible to a separate connection the moment the promise resolves: committed, not just queued.
          const stored = check.get(id) as { path: string; body: Buffer; headers: string }
          expect(stored.path).toBe(`/w/${i}`)
          expect(stored.body.equals(body)).toBe(true)
          expect(JSON.parse(stored.headers)).toEqual([['X-Dup', 'a'], ['x-dup', 'b']])
          return id
        })
      )
      expect(ids).toEqual([...ids].sort((a, b) => a - b))
      expect(new Set(ids).size).toBe(300)
      // Grouped: fewer transactions than rows, every id reported once, in order.
      expect(t.committed.length).toBeLessThan(300)
      expect(t.committed.flat()).toEqual(ids)

      // Queued but not yet sent when close() is called: still written.
      const late = [writer.write(row('/late/1', Buffer.from('one'))), writer.write(row('/late/2', Buffer.from('two')))]
      await writer.close()
      const lateIds = await Promise.all(late)
      expect((check.get(lateIds[1]) as { path: string }).path).toBe('/late/2')
      await expect(writer.write(row('/after', Buffer.from('x')))).rejects.toThrow(/closed/)
      expect(t.logged).toEqual([])
    } finally {
      reader.close()
    }
  })

  it('hands queued captures to the in-thread writer when the thread cannot open the database, losing none', async () => {
    const t = setup()
    let fallback: CaptureWriter | null = null
    const writer = WorkerWriter.start({
      file: join(t.file, '..', 'missing', 'nope.db'),
      onCommitted: () => {},
      fallback: () => (fallback = new BatchedWriter(t.store, () => {})),
      log: (m) => t.logged.push(m),
      autocheckpointPages: 1000
    })!
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.write(row(`/fb/${i}`, Buffer.from(`body ${i}`)))))
    expect(fallback).not.toBeNull()
    expect(t.logged.join('\n')).toMatch(/written on the main thread from now on: the writer thread could not open the database/)
    expect(ids.map((id) => t.store.get(id)?.path)).toEqual(Array.from({ length: 20 }, (_, i) => `/fb/${i}`))
    // Later captures go straight to the replacement.
    const id = await writer.write(row('/fb/after', Buffer.from('after')))
    expect(t.store.get(id)?.path).toBe('/fb/after')
    await writer.close()
  })
})
