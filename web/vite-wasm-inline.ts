// How the page carries its WebAssembly (a Vite plugin). `@wasm/variants.zst` is both wasm
// variants for the single-file page, the SIMD one then the scalar one, compressed together as
// one Zstandard frame and written as base64 (`packed`, with each variant's size in bytes): the
// two are the same program but for the kernels, and a window as large as both lets the second
// cost about a seventh of its own gzip size (gzip's 32 KB window cannot reach back to the
// first). The page unpacks them with fzstd (src/wasm/compile-inline.ts). And the Emscripten
// glue's `new URL("<name>.wasm", import.meta.url)` is blanked, so the bundler does not add the
// wasm a second time as an asset (the page hands the glue a compiled module instead; see
// src/wasm/instantiate.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const PACKED_NAME = 'variants.zst';
const PACKED_VARIANTS = `@wasm/${PACKED_NAME}`;
const PACKED_ID = '\0leaky-wasm-variants:';
/** The variants in the order they are packed (web/src/wasm/compile-inline.ts reads this). */
const ORDER = ['simd', 'scalar'] as const;

/** Each pack made in this process, by the files' sizes and times (the worker build asks too). */
const packs = new Map<string, string>();

/** Both variants, one after the other, compressed by the zstd command at its level 19. */
function pack(dir: string): string {
  const paths = ORDER.map((v) => join(dir, `leaky_${v}.wasm`));
  const key = paths
    .map((p) => {
      const { size, mtimeMs } = statSync(p);
      return `${p}:${size}:${mtimeMs}`;
    })
    .join('|');
  const known = packs.get(key);
  if (known !== undefined) return known;
  const files = paths.map((p) => readFileSync(p));
  const input = Buffer.concat(files);
  // The size up front makes the frame's window the content's size, not zstd's 8 MB default for
  // a stream: the page's decoder allocates and shifts a window that large.
  const zstd = spawnSync('zstd', ['-19', '-q', '-c', `--stream-size=${input.length}`], {
    input,
    maxBuffer: 1 << 28,
  });
  if (zstd.error !== undefined || zstd.status !== 0)
    throw new Error(
      `the single file's wasm needs the zstd command (Debian package zstd; scripts/setup.sh installs it): ${
        zstd.error?.message ?? zstd.stderr.toString()
      }`,
    );
  const sizes = Object.fromEntries(ORDER.map((v, i) => [v, files[i]!.length]));
  const code = `export const packed = ${JSON.stringify(zstd.stdout.toString('base64'))};
export const sizes = ${JSON.stringify(sizes)};
export const order = ${JSON.stringify(ORDER)};`;
  packs.set(key, code);
  return code;
}

export function wasmInline(wasmDir: string): Plugin {
  return {
    name: 'leaky-wasm-inline',
    enforce: 'pre',
    // Vite's alias may already have turned the name into a path in the wasm folder.
    resolveId(source) {
      if (!source.endsWith(PACKED_NAME)) return null;
      return `${PACKED_ID}${source === PACKED_VARIANTS ? wasmDir : dirname(source)}`;
    },
    load(id) {
      if (!id.startsWith(PACKED_ID)) return null;
      const dir = id.slice(PACKED_ID.length);
      for (const v of ORDER) this.addWatchFile(join(dir, `leaky_${v}.wasm`));
      return pack(dir);
    },
    transform(code, id) {
      if (!/[\\/]build[\\/]wasm[\\/]dist[\\/][^\\/]+\.mjs$/.test(id)) return null;
      return code.replace(/new URL\("[^"]+\.wasm",\s*import\.meta\.url\)\.toString\(\)/g, '""');
    },
  };
}
