import { join } from 'node:path'
import { Engine, type EngineOptions } from '../../src/main/engine/engine'
import { tempDir } from './temp'

export interface TestEngine {
  engine: Engine
  url: string
  dbPath: string
  dir: string
  /** Stops the engine (flushes, closes the database) and removes the folder. */
  dispose: () => Promise<void>
}

/** A real engine on a free port with a SQLite file in a fresh temporary folder. */
export async function startTestEngine(options: Partial<EngineOptions> = {}, dir?: string): Promise<TestEngine> {
  const temp = dir ? { dir, cleanup: () => {} } : tempDir()
  const dbPath = options.dbPath ?? join(temp.dir, 'hookscope.db')
  const engine = new Engine({ port: 0, log: () => {}, ...options, dbPath })
  await engine.start()
  return {
    engine,
    url: engine.receiverUrl,
    dbPath,
    dir: temp.dir,
    dispose: async () => {
      await engine.stop()
      temp.cleanup()
    }
  }
}
