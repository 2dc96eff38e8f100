import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './cli'
import { tempDir } from './temp'

/** What a build reads from the checkout; node_modules is linked, not copied. */
const PROJECT_FILES = ['package.json', 'package-lock.json', 'electron.vite.config.ts', 'src', 'scripts', 'resources', 'bin']

/**
 * A copy of the project in a temp folder, for tests that build: a build empties out/, which other
 * tests running at the same time (the CLI's web UI, end-to-end) serve from. node_modules is a symlink,
 * or with `hardlinkNodeModules` a tree of hard links (0.6 s here): electron-builder's dependency
 * collector misses nested production dependencies behind a symlinked node_modules.
 */
export function projectCopy(options: { hardlinkNodeModules?: boolean } = {}): { dir: string; cleanup: () => void } {
  const temp = tempDir('hookscope-project-')
  const tsconfigs = readdirSync(ROOT).filter((name) => /^tsconfig.*\.json$/.test(name))
  for (const name of [...PROJECT_FILES, ...tsconfigs]) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(temp.dir, name), { recursive: true })
  }
  const linked = options.hardlinkNodeModules && spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(temp.dir, 'node_modules')]).status === 0
  // A plain copy is the fallback where hard links cannot be made (another file system).
  if (options.hardlinkNodeModules && !linked) {
    rmSync(join(temp.dir, 'node_modules'), { recursive: true, force: true })
    cpSync(join(ROOT, 'node_modules'), join(temp.dir, 'node_modules'), { recursive: true, verbatimSymlinks: true })
  } else if (!linked) symlinkSync(join(ROOT, 'node_modules'), join(temp.dir, 'node_modules'), 'dir')
  return temp
}
