// The single file's wasm: both variants packed as one Zstandard frame (vite-wasm-inline.ts),
// unpacked once when the page first needs a core; only the chosen variant is compiled.
import { decompress } from 'fzstd';
import { order, packed, sizes } from '@wasm/variants.zst';
import type { Variant } from './choose-variant';

let unpacked: Uint8Array | null = null;

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The variant's bytes, a copy of its own (the module may outlive the unpacked block). */
function variantBytes(variant: Variant): Uint8Array<ArrayBuffer> {
  unpacked ??= decompress(decode(packed));
  let at = 0;
  for (const v of order) {
    if (v === variant) return unpacked.slice(at, at + sizes[v]) as Uint8Array<ArrayBuffer>;
    at += sizes[v];
  }
  throw new Error(`no ${variant} variant in the single file`);
}

export function compileCore(variant: Variant): Promise<WebAssembly.Module> {
  return WebAssembly.compile(variantBytes(variant));
}
