// The hosted site's wasm: each variant is a file of the site; a browser fetches only the one
// it uses (compiled while it downloads when the server says application/wasm).
import scalarUrl from '@wasm/leaky_scalar.wasm?url';
import simdUrl from '@wasm/leaky_simd.wasm?url';
import type { Variant } from './choose-variant';

export async function compileCore(variant: Variant): Promise<WebAssembly.Module> {
  const url = variant === 'simd' ? simdUrl : scalarUrl;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const streaming = response.headers.get('content-type')?.startsWith('application/wasm') === true;
  return streaming
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}
