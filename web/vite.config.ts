// Vite config for the Leaky Lab page.
// `vite build --config web/vite.config.ts` writes ONE self-contained build/web/index.html
// (scripts, styles, the glue once and each wasm variant once, inlined), which works over http
// and from file://.
// `vite preview --config web/vite.config.ts` serves that folder (what `npm start` runs).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { wasmInline } from './vite-wasm-inline.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  publicDir: false,
  resolve: {
    alias: {
      // The Emscripten outputs (built by scripts/build.sh before the page).
      '@wasm': here('../build/wasm/dist'),
    },
  },
  build: {
    outDir: here('../build/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
  },
  // Workers are bundled apart: they need the glue's transform too.
  worker: { plugins: () => [wasmInline()] },
  plugins: [wasmInline(), viteSingleFile({ removeViteModuleLoader: true })],
});
