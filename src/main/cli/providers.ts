import { PROVIDERS } from '../engine/providers/registry'
import { providerInfo } from '../engine/signatures/signatures-api'
import { printResult } from './output'
import type { Verb } from './verb'

export const providersVerb: Verb = {
  name: 'providers',
  usage: 'providers',
  summary: 'list providers, their signature scheme, retries and event catalog',
  options: {},
  async run(ctx) {
    // The Api's listProviders answers from this same static catalog; opening the database (and
    // creating it when absent) just to read it would be a side effect, so no engine here.
    const infos = PROVIDERS.map(providerInfo)
    printResult(ctx.json, infos, () =>
      infos
        .map((p) =>
          [
            `${p.id.padEnd(18)} ${p.name}`,
            `  signature: ${p.scheme}`,
            `  retries:   ${p.retry.description}`,
            `  events:    ${p.events.map((e) => e.type).join(', ')}`
          ].join('\n')
        )
        .join('\n\n')
    )
  }
}
