// Ships the embed protocol's types (src/embed/api-types.ts, types only) as a declaration file
// beside the element's script, so a host page written in TypeScript can check its messages.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function embedTypes(sourceFile: string, fileName: string): Plugin {
  return {
    name: 'leaky-embed-types',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(sourceFile, 'utf8');
      this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
