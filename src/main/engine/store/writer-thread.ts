// The writer thread's code (a worker module; see worker-writer.ts for why captures are written here).
// It opens its own connection to the capture database and commits each insert message as one
// transaction, answering in order. It imports only types of ours, and prune.ts: see sqlite-thread.ts.
import type BetterSqlite3 from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { pruneOn, type PruneResult, type PruneStep } from './prune.ts'
import type { InsertValue } from './rows'
import type { WriterReply, WriterRequest, WriterThreadData } from './thread-messages'

const port = parentPort!
const data = workerData as WriterThreadData
const reply = (message: WriterReply): void => port.postMessage(message)
const messageOf = (error: unknown): string => String((error as Error | undefined)?.message ?? error)

let db: BetterSqlite3.Database | null = null
let prune: ((step: PruneStep) => PruneResult) | null = null
let insertBatch: ((rows: InsertValue[][], lengths: number[], bodies: Buffer, durations: number[]) => number[]) | null = null
try {
  // Imported here rather than statically so that a native module that cannot load is reported like a
  // database that cannot be opened ('fatal': nothing was written, every queued row goes to the main
  // thread's writer). Messages sent meanwhile wait in the port until the listener below is attached.
  const { default: Database } = await import('better-sqlite3')
  const opened = new Database(data.file, { fileMustExist: true })
  db = opened
  opened.pragma(`busy_timeout = ${data.busyTimeoutMs}`)
  opened.pragma('synchronous = NORMAL')
  opened.pragma(`wal_autocheckpoint = ${data.autocheckpointPages}`)
  const insert = opened.prepare(data.sql)
  const setDuration = opened.prepare(data.durationSql)
  const empty = Buffer.alloc(0)
  insertBatch = opened.transaction((rows: InsertValue[][], lengths: number[], bodies: Buffer, durations: number[]) => {
    // [id, ms, id, ms, ...]: answer times of rows already committed, corrected after their answer went out.
    for (let i = 0; i + 1 < durations.length; i += 2) setDuration.run(durations[i + 1], durations[i])
    const ids = new Array<number>(rows.length)
    let offset = 0
    for (let i = 0; i < rows.length; i++) {
      const values = rows[i]
      values[data.bodyColumn] = lengths[i] === 0 ? empty : bodies.subarray(offset, offset + lengths[i])
      offset += lengths[i]
      ids[i] = Number(insert.run(values).lastInsertRowid)
    }
    return ids
  })
  prune = pruneOn(opened)
} catch (error) {
  reply({ kind: 'fatal', error: messageOf(error) })
}

port.on('message', (message: WriterRequest) => {
  switch (message.kind) {
    case 'stop':
      try {
        db?.close()
      } catch {
        // Exiting either way; SQLite recovers an unclosed WAL on the next open.
      }
      port.close()
      return
    case 'pragma':
      try {
        reply({ kind: 'pragma', value: db!.pragma(message.statement, { simple: true }) ?? null })
      } catch (error) {
        reply({ kind: 'pragmaFailed', error: messageOf(error) })
      }
      return
    case 'prune':
      if (!prune) return reply({ kind: 'pruneFailed', error: 'the writer thread has no database' })
      try {
        reply({ kind: 'pruned', result: prune(message.step) })
      } catch (error) {
        reply({ kind: 'pruneFailed', error: messageOf(error) })
      }
      return
    case 'insert':
      if (!insertBatch) return reply({ kind: 'failed', error: 'the writer thread has no database' })
      try {
        reply({ kind: 'committed', ids: insertBatch(message.rows, message.lengths, Buffer.from(message.bodies), message.durations) })
      } catch (error) {
        reply({ kind: 'failed', error: messageOf(error) })
      }
  }
})
