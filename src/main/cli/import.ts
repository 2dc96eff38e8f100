import { HookscopeError } from '../../shared/errors'
import { readFileSync } from 'node:fs'
import { callApi, usingEngine } from './engine-access'
import { importMessage } from '../../shared/har-import-message'
import { printResult } from './output'
import type { Verb } from './verb'

export const importVerb: Verb = {
  name: 'import',
  usage: 'import FILE.har',
  summary: 'store the requests of a HAR 1.2 file as captures',
  options: {},
  positionals: 1,
  async run(ctx) {
    const file = ctx.positionals[0]
    if (!file) throw new HookscopeError('invalid_input', 'import needs a HAR file, e.g. `hookscope import captures.har`')
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT'
      throw new HookscopeError(missing ? 'not_found' : 'invalid_input', `Cannot read ${file}: ${missing ? 'no such file' : (error as Error).message}`)
    }
    const { ids, skipped } = await usingEngine(
      ctx,
      (engine) => callApi(engine, 'importHar', { text }, { text: `${file} is empty, so not a HAR file.` }),
      { oneShot: false }
    )
    printResult(ctx.json, { imported: ids.length, ids, skipped }, () => importMessage(ids.length, skipped, file))
  }
}
