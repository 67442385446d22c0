// The single file's wasm: each variant inline once as base64 (vite-wasm-inline.ts); only the
// chosen one is decoded and compiled.
import scalarWasm from '@wasm/leaky_scalar.wasm?base64';
import simdWasm from '@wasm/leaky_simd.wasm?base64';
import type { Variant } from './choose-variant';

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export function compileCore(variant: Variant): Promise<WebAssembly.Module> {
  return WebAssembly.compile(decode(variant === 'simd' ? simdWasm : scalarWasm));
}
