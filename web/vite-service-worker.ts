// The hosted site's service worker (a Vite plugin): after the bundle is made in memory, emits
// sw.js, which is src/offline/sw.ts with the build's files (PRECACHE, and the two wasm variants
// apart, WASM, so that a browser caches only the one it runs), the page's SIMD probe, and a
// VERSION that is a hash of every file's bytes: a new build is a new worker and a new cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { SIMD_PROBE } from './src/wasm/simd-probe.ts';

export const SERVICE_WORKER_FILE = 'sw.js';

/** A classic script from sw.ts: types stripped, the module marker dropped. */
function workerSource(file: string): string {
  const out = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return out.replace(/^export \{\};\s*$/m, '');
}

export function serviceWorker(sourceFile: string): Plugin {
  return {
    name: 'leaky-service-worker',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const files = Object.keys(bundle).sort();
        const hash = createHash('sha256');
        for (const name of files) {
          const item = bundle[name]!;
          hash.update(name).update(item.type === 'chunk' ? item.code : item.source);
        }
        const version = hash.digest('hex').slice(0, 16);
        const wasm = (variant: string): string => {
          const file = files.find((f) => new RegExp(`leaky_${variant}[^/]*\\.wasm$`).test(f));
          if (file === undefined) throw new Error(`the build has no ${variant} wasm`);
          return file;
        };
        // './' is the site's folder itself (index.html as a directory URL).
        const precache = ['./', ...files.filter((f) => !f.endsWith('.wasm'))];
        const source =
          `const PRECACHE = ${JSON.stringify(precache)};\n` +
          `const WASM = ${JSON.stringify({ simd: wasm('simd'), scalar: wasm('scalar') })};\n` +
          `const SIMD_PROBE = new Uint8Array(${JSON.stringify([...SIMD_PROBE])});\n` +
          `const VERSION = ${JSON.stringify(version)};\n` +
          workerSource(sourceFile);
        this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source });
      },
    },
  };
}
