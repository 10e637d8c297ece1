import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

const root = import.meta.dirname

/** Vite's dev server injects styles inline; the built app keeps the strict policy of index.html. */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  }
}

const DICTIONARY_MODULE = 'virtual:dictionary-url'
const DICTIONARY_DEV_PATH = '/@dictionary/cedict.txt'
let dictionaryText: Promise<string> | undefined
/** Made once per run of Vite, however many builds (renderer, workers) ask, and only if one does. */
const dictionary = () =>
  (dictionaryText ??= import('./src/chinese/dictionary-data.ts').then((data) =>
    data.dictionaryData(),
  ))

/**
 * `import dictionaryUrl from 'virtual:dictionary-url'`: the URL of the dictionary data (9 MB),
 * emitted as an asset the renderer fetches on first use, so none of it is in the JS it starts with.
 * The dev server serves the same text at a fixed path.
 */
function dictionaryAsset(): Plugin {
  const resolvedId = `\0${DICTIONARY_MODULE}`
  let serving = false
  return {
    name: 'dictionary-asset',
    configResolved: (config) => {
      serving = config.command === 'serve'
    },
    configureServer: (server) => {
      server.middlewares.use(DICTIONARY_DEV_PATH, (_request, response, next) => {
        dictionary().then((text) => {
          response.setHeader('Content-Type', 'text/plain; charset=utf-8')
          response.end(text)
        }, next)
      })
    },
    resolveId: (id) => (id === DICTIONARY_MODULE ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined
      if (serving) return `export default ${JSON.stringify(DICTIONARY_DEV_PATH)}`
      const asset = this.emitFile({ type: 'asset', name: 'cedict.txt', source: await dictionary() })
      return `export default import.meta.ROLLUP_FILE_URL_${asset}`
    },
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          // The import pipeline's thread: a file of its own that main starts (see electron/main).
          'import-worker': resolve(root, 'electron/core/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle zod and the contract into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        // @see https://www.electronjs.org/docs/latest/tutorial/esm#preload-scripts
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root,
    plugins: [vue(), relaxCspForDevServer(), dictionaryAsset()],
    // The dictionary is large enough to be parsed in a worker, which may import its URL itself.
    worker: { plugins: () => [dictionaryAsset()] },
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve(root, 'index.html') } },
    },
  },
})
