import { cpSync, existsSync, readdirSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './cli'
import { tempDir } from './temp'

/** What a build reads from the checkout; node_modules is linked, not copied. */
const PROJECT_FILES = ['package.json', 'package-lock.json', 'electron.vite.config.ts', 'src', 'scripts', 'resources', 'bin']

/**
 * A copy of the project in a temp folder, for tests that build: a build empties out/, which other
 * tests running at the same time (the CLI's web UI, end-to-end) serve from.
 */
export function projectCopy(): { dir: string; cleanup: () => void } {
  const temp = tempDir('hookscope-project-')
  const tsconfigs = readdirSync(ROOT).filter((name) => /^tsconfig.*\.json$/.test(name))
  for (const name of [...PROJECT_FILES, ...tsconfigs]) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(temp.dir, name), { recursive: true })
  }
  symlinkSync(join(ROOT, 'node_modules'), join(temp.dir, 'node_modules'), 'dir')
  return temp
}
