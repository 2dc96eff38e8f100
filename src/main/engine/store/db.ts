import Database from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS } from './migrations'
import { HookscopeError } from '../../../shared/errors'

export type Db = Database.Database

/** Page size of new capture databases (existing files keep theirs). */
export const PAGE_SIZE = 16_384

/** Why the database could not be opened, in words a user can act on. */
export type DatabaseProblem = 'locked' | 'disk-full' | 'read-only' | 'corrupt' | 'other'


/** What happened when a broken database was moved aside so the app could start. */
export interface DatabaseRecovery {
  movedTo: string
  reason: string
  message: string
}

export interface OpenedDatabase {
  db: Db
  recovery: DatabaseRecovery | null
}

/**
 * Opens (creating if needed) the capture database and brings its schema up to date.
 * synchronous=NORMAL under WAL: a commit survives a killed process (the WAL is in the OS cache);
 * only an OS crash or power loss can drop the last transactions. That is the trade we want for a
 * developer tool acknowledging thousands of deliveries per second.
 */
export function openDatabase(file: string, busyTimeoutMs = 5000): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  try {
    // First, so that a lock held by another program is waited for, then reported as "locked".
    db.pragma(`busy_timeout = ${busyTimeoutMs}`)
    // Only takes effect while the file is still empty. Bigger pages mean fewer WAL frames (two writes
    // each) per commit: a batch of 1 KB captures measured ~30 % faster than with the 4 KiB default.
    db.pragma(`page_size = ${PAGE_SIZE}`)
    // Also only while empty: pages freed by retention can then be handed back to the file system.
    db.pragma('auto_vacuum = INCREMENTAL')
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    migrate(db)
    enableIncrementalVacuum(db)
    // Reads the schema page; a file that is not a database or has a broken header fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

/**
 * Opens the database for the app and the CLI. A corrupt file (or one that is not a database) is never
 * deleted: it is moved aside with its -wal and -shm, a fresh database is started, and the returned
 * recovery says where the old one went. Problems that moving cannot fix (locked by another program,
 * disk full, read-only) become a database_unavailable HookscopeError with a message saying what to do.
 */
export function openDatabaseWithRecovery(file: string, busyTimeoutMs = 5000): OpenedDatabase {
  try {
    probe(file, busyTimeoutMs)
    return { db: openDatabase(file, busyTimeoutMs), recovery: null }
  } catch (error) {
    const problem = classify(error)
    const detail = (error as Error).message
    if (problem !== 'corrupt' || file === ':memory:') throw new HookscopeError('database_unavailable', explain(problem, file, detail), { reason: problem })
    const movedTo = moveAside(file)
    const db = openDatabase(file, busyTimeoutMs)
    return {
      db,
      recovery: {
        movedTo,
        reason: detail,
        message: `The capture database could not be read (${detail}). It was moved to ${movedTo} (nothing was deleted) and a fresh database was started.`
      }
    }
  }
}

/**
 * Reads an existing file's header and schema through a read-only connection first: a read-write
 * connection that fails on a broken file may still checkpoint or delete its -wal when closed, which
 * would alter (or lose) exactly the data the user might want to rescue from the moved-aside copy.
 */
function probe(file: string, busyTimeoutMs: number): void {
  if (file === ':memory:' || !existsSync(file) || statSync(file).size === 0) return
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs })
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } finally {
    db.close()
  }
}

function classify(error: unknown): DatabaseProblem {
  const code = String((error as { code?: unknown }).code ?? '')
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked'
  if (code.startsWith('SQLITE_FULL')) return 'disk-full'
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EROFS') return 'read-only'
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'corrupt'
  return 'other'
}

function explain(problem: DatabaseProblem, file: string, detail: string): string {
  switch (problem) {
    case 'locked':
      return `The capture database ${file} is locked by another program (another Hookscope window or a \`hookscope serve\`?). Close it and start again, or use another file with --db.`
    case 'disk-full':
      return `The disk holding ${file} is full, so Hookscope cannot write captures. Free some space and start again, or use another file with --db.`
    case 'read-only':
      return `Hookscope cannot write to ${file} (${detail}). Check the folder's permissions, or use another file with --db.`
    case 'corrupt':
    case 'other':
      return `The capture database ${file} could not be opened: ${detail}`
  }
}

/** Renames the file and its WAL companions to <file>.broken-<time>[-wal|-shm]; returns the new name. */
function moveAside(file: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  let target = `${file}.broken-${stamp}`
  for (let n = 2; existsSync(target); n++) target = `${file}.broken-${stamp}-${n}`
  renameSync(file, target)
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix)
  }
  return target
}

/** Existing files up to this size are rewritten once (VACUUM) so that they can shrink too. */
const CONVERT_TO_INCREMENTAL_MAX_BYTES = 64 * 1024 * 1024

/**
 * auto_vacuum can only change through a VACUUM, which rewrites the whole file and blocks while it
 * does: worth it for a small database (well under a second), not for a big one at every start. A big
 * database made before retention keeps its size on disk and reuses freed pages instead (Settings says so).
 */
function enableIncrementalVacuum(db: Db): void {
  if (db.memory || (db.pragma('auto_vacuum', { simple: true }) as number) === 2) return
  const bytes = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)
  if (bytes > CONVERT_TO_INCREMENTAL_MAX_BYTES) return
  try {
    db.pragma('auto_vacuum = INCREMENTAL')
    db.exec('VACUUM')
  } catch {
    // Busy (another process holds the file) or no room for the copy: try again at the next start.
  }
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version])
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}
