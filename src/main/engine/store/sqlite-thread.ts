// Worker threads holding their own better-sqlite3 connection (the checkpointer, the writer). Their
// code is plain CommonJS evaluated in the worker, so no separate bundle entry is needed for Electron;
// each receives the resolved path of better-sqlite3 as `workerData.module` and exits on 'stop'.
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export function startSqliteThread(source: string, workerData: Record<string, unknown>): Worker {
  const module = createRequire(import.meta.url).resolve('better-sqlite3')
  return new Worker(source, { eval: true, workerData: { ...workerData, module } })
}

/** Asks the thread to close its connection and exit; terminates it if that takes over 2 s. */
export function stopSqliteThread(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.threadId < 0) return resolve()
    worker.once('exit', () => resolve())
    // Referenced again so the process waits for the clean close instead of ending mid-await.
    worker.ref()
    worker.postMessage('stop')
    setTimeout(() => void worker.terminate(), 2000).unref()
  })
}
