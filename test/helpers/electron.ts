import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './cli'

/** The Electron binary if one was downloaded on this machine, else null (tests then skip). */
export function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
