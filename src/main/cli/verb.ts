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
  /** How many arguments besides options it takes (`show ID`: 1); default 0. More is an error, not ignored. */
  positionals?: number
  run(ctx: VerbContext): Promise<number | void>
}
