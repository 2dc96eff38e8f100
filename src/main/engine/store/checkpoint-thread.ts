// The checkpointer thread's code (a worker module; see checkpointer.ts for why): a PASSIVE WAL
// checkpoint from its own connection every intervalMs, until told to stop.
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import type { CheckpointReply, CheckpointRequest, CheckpointThreadData } from './thread-messages'

const port = parentPort!
const data = workerData as CheckpointThreadData
const reply = (message: CheckpointReply): void => port.postMessage(message)

const db = new Database(data.file, { fileMustExist: true })
db.pragma('busy_timeout = 2000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (error) {
    reply({ kind: 'checkpointFailed', error: String((error as Error | undefined)?.message ?? error) })
  }
}, data.intervalMs)

port.on('message', (message: CheckpointRequest) => {
  if (message.kind !== 'stop') return
  clearInterval(timer)
  try {
    db.close()
  } catch {
    // Exiting either way.
  }
  port.close()
})
