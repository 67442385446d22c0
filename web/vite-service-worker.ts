// The hosted site's service worker (a Vite plugin): after the bundle is written in memory,
// emits sw.js, which is src/offline/sw.ts with the build's file list (PRECACHE) and a VERSION
// that is a hash of every file's bytes, so a new build is a new service worker and a new cache.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import type { Plugin } from 'vite';

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
        // './' is the site's folder itself (index.html as a directory URL).
        const precache = ['./', ...files];
        const source =
          `const PRECACHE = ${JSON.stringify(precache)};\n` +
          `const VERSION = ${JSON.stringify(version)};\n` +
          workerSource(sourceFile);
        this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source });
      },
    },
  };
}
