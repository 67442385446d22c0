// How the page carries its WebAssembly (a Vite plugin): `@wasm/<name>.wasm?base64` imports a
// wasm file as a base64 string, so the single-file page holds each variant's wasm exactly once
// and decodes only the one it uses; and the Emscripten glue's `new URL("<name>.wasm",
// import.meta.url)` is blanked, so the bundler does not add the wasm a second time as an asset
// (the page hands the glue a compiled module instead; see src/wasm/instantiate.ts).
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const SUFFIX = '?base64';

export function wasmInline(): Plugin {
  return {
    name: 'leaky-wasm-inline',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(`.wasm${SUFFIX}`)) return null;
      const file = await this.resolve(source.slice(0, -SUFFIX.length), importer, {
        skipSelf: true,
      });
      return file === null ? null : `${file.id}${SUFFIX}`;
    },
    load(id) {
      if (!id.endsWith(`.wasm${SUFFIX}`)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(readFileSync(file).toString('base64'))};`;
    },
    transform(code, id) {
      if (!/[\\/]build[\\/]wasm[\\/]dist[\\/][^\\/]+\.mjs$/.test(id)) return null;
      return code.replace(/new URL\("[^"]+\.wasm",\s*import\.meta\.url\)\.toString\(\)/g, '""');
    },
  };
}
