// The messages between the engine and its SQLite threads (writer-thread.ts, checkpoint-thread.ts),
// one union per direction. Type-only, so a thread file can import them as they are (see sqlite-thread.ts).
import type { PruneResult, PruneStep } from './prune'
import type { InsertValue } from './rows'

export interface StopRequest {
  kind: 'stop'
}

export interface WriterThreadData {
  file: string
  sql: string
  /** Sets one row's answer time (id, ms): corrections sent with the next insert (see correctDuration). */
  durationSql: string
  /** Index of the body in an insert row; the thread fills it from the packed buffer. */
  bodyColumn: number
  busyTimeoutMs: number
  autocheckpointPages: number
}

/** One insert message is one transaction; bodies arrive packed in one transferred buffer (no copy). */
export type WriterRequest =
  | { kind: 'insert'; rows: InsertValue[][]; lengths: number[]; bodies: ArrayBuffer; durations: number[] }
  | { kind: 'pragma'; statement: string }
  /** A retention step: runs between two insert batches, never inside one. */
  | { kind: 'prune'; step: PruneStep }
  | StopRequest

export type WriterReply =
  | { kind: 'committed'; ids: number[] }
  | { kind: 'failed'; error: string }
  /** The thread could not open the database: nothing it was sent has been written. */
  | { kind: 'fatal'; error: string }
  | { kind: 'pragma'; value: unknown }
  | { kind: 'pragmaFailed'; error: string }
  | { kind: 'pruned'; result: PruneResult }
  | { kind: 'pruneFailed'; error: string }

export interface CheckpointThreadData {
  file: string
  intervalMs: number
}

export type CheckpointRequest = StopRequest

export type CheckpointReply = { kind: 'checkpointFailed'; error: string }
