import { readFileSync } from 'node:fs'
import { callApi, usingEngine } from './engine-access'
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
    const { ids, skipped } = await usingEngine(
      ctx,
      (engine) => callApi(engine, 'importHar', { text }, { text: `${file} is empty, so not a HAR file.` }),
      { oneShot: false }
    )
    printResult(ctx.json, { imported: ids.length, ids, skipped }, () => importMessage(ids.length, skipped, file))
  }
}
