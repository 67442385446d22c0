// The single file's wasm: both variants packed as one Zstandard frame (vite-wasm-inline.ts).
// Only the chosen variant is compiled, and only as much of the frame is unpacked as reaches
// its end: the SIMD variant comes first, so most visits unpack half of it (fzstd is plain
// JavaScript, tens of milliseconds per variant).
import { Decompress } from 'fzstd';
import { order, packed, sizes } from '@wasm/variants.zst';
import type { Variant } from './choose-variant';

/** Compressed bytes handed to the decoder at a time, so it can stop soon after the variant. */
const CHUNK = 16 * 1024;

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The packed variants, unpacked until at least `end` bytes are out. */
function unpack(end: number): Uint8Array {
  const input = decode(packed);
  const out = new Uint8Array(order.reduce((n, v) => n + sizes[v], 0));
  let at = 0;
  const decoder = new Decompress((chunk) => {
    out.set(chunk, at); // the decoder reuses its buffers: copy now
    at += chunk.length;
  });
  for (let i = 0; i < input.length && at < end; i += CHUNK)
    decoder.push(input.subarray(i, i + CHUNK), i + CHUNK >= input.length);
  if (at < end) throw new Error('the single file’s packed WebAssembly is cut short');
  return out;
}

/** The variant's bytes, a copy of its own. */
function variantBytes(variant: Variant): Uint8Array<ArrayBuffer> {
  let start = 0;
  for (const v of order) {
    if (v === variant) {
      const end = start + sizes[v];
      return unpack(end).slice(start, end) as Uint8Array<ArrayBuffer>;
    }
    start += sizes[v];
  }
  throw new Error(`no ${variant} variant in the single file`);
}

export async function compileCore(variant: Variant): Promise<WebAssembly.Module> {
  return WebAssembly.compile(variantBytes(variant));
}
