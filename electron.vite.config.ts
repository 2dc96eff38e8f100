import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// The store's SQLite threads: entries of their own, emitted as out/main/<name>.js, where
// src/main/engine/store/sqlite-thread.ts finds them at run time.
const sqliteThreads = {
  'writer-thread': resolve('src/main/engine/store/writer-thread.ts'),
  'checkpoint-thread': resolve('src/main/engine/store/checkpoint-thread.ts')
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The `hookscope` CLI ships built beside the main process (bin/hookscope.js runs out/main/cli.js).
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli.ts'), ...sqliteThreads },
        // Shared chunks sit in out/main too, so code that finds files relative to its own module
        // (preload, renderer, workers) sees the same folder whichever bundle file it landed in.
        output: {
          chunkFileNames: '[name]-[hash].js',
          // What a thread shares with the main bundle goes in one chunk of a known name, which a packaged
          // app unpacks from the asar beside the thread files (package.json build.asarUnpack).
          manualChunks: (id) => (id.endsWith('/src/main/engine/store/prune.ts') ? 'thread-shared' : undefined)
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ESM or require npm packages: bundle everything, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
