import type { ParseArgsConfig } from 'node:util'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

export interface VerbContext {
  json: boolean
  dbPath: string
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

export interface Verb {
  name: string
  usage: string
  summary: string
  options: OptionSpec
  run(ctx: VerbContext): Promise<number | void>
}
