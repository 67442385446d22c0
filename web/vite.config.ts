// Vite config for the Leaky Lab page: three builds into dist/ (scripts/build.sh runs them in
// this order; `npm run build`).
//   vite build --config web/vite.config.ts                 the site: dist/index.html and its
//       files (scripts, styles, the worker, one wasm file per variant, sw.js), all relative,
//       so it works from any static server and under any sub-path; a SIMD browser loads only
//       the SIMD wasm. Strict CSP: 'self' only.
//   vite build --config web/vite.config.ts --mode single   dist/leaky-lab.html: one file with
//       everything inline (the glue once, each wasm variant once, the worker as inline code),
//       which works opened from disk (file://). CSP by hashes.
//   vite build --config web/vite.config.ts --mode element  dist/leaky-lab.js (the <leaky-lab>
//       element and the host helper, one classic script) and dist/leaky-lab.d.ts (the embed
//       protocol's types).
// `vite preview --config web/vite.config.ts` serves dist/ (what `npm start` runs).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { csp } from './vite-csp.ts';
import { embedTypes } from './vite-embed-types.ts';
import { preloadWasm } from './vite-preload.ts';
import { serviceWorker } from './vite-service-worker.ts';
import { wasmInline } from './vite-wasm-inline.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export const DIST = here('../dist');
/** The built wasm variants and their glue (the `@wasm/` imports). */
const WASM_DIR = here('../build/wasm/dist');
export const SINGLE_FILE = 'leaky-lab.html';
export const ELEMENT_SCRIPT = 'leaky-lab.js';

/** What differs between the site and the single file: how the wasm and the worker travel. */
function page(single: boolean): UserConfig {
  return {
    root: here('.'),
    base: './',
    publicDir: false,
    define: { __LEAKY_SITE__: JSON.stringify(!single) },
    resolve: {
      alias: [
        // The Emscripten outputs (built by scripts/build.sh before the page).
        { find: '@wasm', replacement: WASM_DIR },
        {
          find: '@core-wasm',
          replacement: here(single ? 'src/wasm/compile-inline.ts' : 'src/wasm/compile-fetch.ts'),
        },
        {
          find: '@run-worker',
          replacement: `${here('src/run/worker.ts')}${single ? '?worker&inline' : '?worker'}`,
        },
      ],
    },
    build: {
      // The single file is made in a folder of its own, then written into dist/ (vite-csp.ts).
      outDir: single ? here('../build/single') : DIST,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      // The wasm files stay files (never data: URLs) in the site.
      assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
    },
    // Workers are bundled apart: they need the glue's transform too.
    worker: { format: 'iife', plugins: () => [wasmInline(WASM_DIR)] },
    plugins: single
      ? [
          wasmInline(WASM_DIR),
          viteSingleFile({ removeViteModuleLoader: true }),
          csp('single', join(DIST, SINGLE_FILE)),
        ]
      : [
          wasmInline(WASM_DIR),
          csp('site'),
          preloadWasm(),
          serviceWorker(here('src/offline/sw.ts')),
        ],
  };
}

function element(): UserConfig {
  return {
    root: here('.'),
    publicDir: false,
    build: {
      outDir: DIST,
      emptyOutDir: false,
      target: 'es2020',
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: here('src/embed/host/element-script.ts'),
        formats: ['iife'],
        name: 'LeakyLab',
        fileName: () => ELEMENT_SCRIPT,
      },
    },
    plugins: [embedTypes(here('src/embed/api-types.ts'), 'leaky-lab.d.ts')],
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'single') return page(true);
  if (mode === 'element') return element();
  return page(false);
});
