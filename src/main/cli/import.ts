import { readFileSync } from 'node:fs'
import { Engine } from '../engine/engine'
import { importHarText } from '../engine/outbound/har-import'
import { importMessage } from '../../shared/har-import-message'
import { CliError, printResult } from './output'
import type { Verb } from './verb'

export const importVerb: Verb = {
  name: 'import',
  usage: 'import FILE.har',
  summary: 'store the requests of a HAR 1.2 file as captures',
  options: {},
  async run(ctx) {
    const file = ctx.positionals[0]
    if (!file) throw new CliError('import needs a HAR file, e.g. `hookscope import captures.har`')
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
    }
    const engine = new Engine({ dbPath: ctx.dbPath, log: () => {} })
    let result: { ids: number[]; skipped: number }
    try {
      result = importHarText(engine, text)
    } catch (error) {
      throw new CliError((error as Error).message)
    } finally {
      engine.db.close()
    }
    const { ids, skipped } = result
    printResult(ctx.json, { imported: ids.length, ids, skipped }, () => importMessage(ids.length, skipped, file))
  }
}
