// Worker threads holding their own better-sqlite3 connection: the writer (writer-thread.ts) and the
// checkpointer (checkpoint-thread.ts). Each is a real module file, found next to the code that starts it:
// - built (Electron's main bundle, the CLI bundle): each thread is an entry of the main build
//   (electron.vite.config.ts), emitted as out/main/<name>.js; this code sits in out/main/ or in one of
//   its chunk folders. In a packaged app they are unpacked from the asar (electron-builder.yml), so
//   the thread runs from plain files and loads better-sqlite3's native binary from beside them.
// - from TypeScript sources (vitest, tsx): the sibling .ts file, run by Node's own type stripping
//   (Node >= 22.18), or through tsx's loader where Node lacks it. That is why the thread files import
//   nothing of ours but types: a stripped file cannot resolve extensionless imports.
import { existsSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { StopRequest } from './thread-messages'

export type SqliteThreadName = 'writer-thread' | 'checkpoint-thread'

const here = fileURLToPath(import.meta.url)
const ASAR = `${sep}app.asar${sep}`

/** The thread's module file and the flags it needs, or an error naming where it was looked for. */
export function sqliteThreadFile(name: SqliteThreadName): { file: string; execArgv: string[] } {
  if (here.endsWith('.ts')) {
    const file = join(dirname(here), `${name}.ts`)
    return { file, execArgv: process.features.typescript ? [] : ['--import', 'tsx'] }
  }
  const candidates = [dirname(here), dirname(dirname(here))].map((dir) => join(dir, `${name}.js`))
  const found = candidates.find((file) => existsSync(file))
  if (!found) throw new Error(`the ${name} module is missing (looked for ${candidates.join(' and ')})`)
  const unpacked = found.replace(ASAR, `${sep}app.asar.unpacked${sep}`)
  return { file: unpacked !== found && existsSync(unpacked) ? unpacked : found, execArgv: [] }
}

/** A worker with typed messages each way. */
export class SqliteThread<Request, Reply> {
  readonly worker: Worker

  constructor(name: SqliteThreadName, workerData: unknown) {
    const { file, execArgv } = sqliteThreadFile(name)
    // Without flags of its own, a thread inherits the process's (as Node does by default).
    this.worker = new Worker(file, execArgv.length ? { workerData, execArgv } : { workerData })
  }

  send(message: Request | StopRequest, transfer?: ArrayBuffer[]): void {
    this.worker.postMessage(message, transfer)
  }

  onReply(listener: (reply: Reply) => void): void {
    this.worker.on('message', listener)
  }

  /** Asks the thread to close its connection and exit; terminates it if that takes over 2 s. */
  stop(): Promise<void> {
    const worker = this.worker
    return new Promise((resolve) => {
      if (worker.threadId < 0) return resolve()
      worker.once('exit', () => resolve())
      // Referenced again so the process waits for the clean close instead of ending mid-await.
      worker.ref()
      this.send({ kind: 'stop' })
      setTimeout(() => void worker.terminate(), 2000).unref()
    })
  }
}
