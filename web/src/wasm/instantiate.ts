// The core's wasm, compiled once per page and instantiated wherever it is needed: the page's
// own instance (the activation plot) and each run's worker get the same compiled module, so the
// page carries and compiles each variant's wasm only once.
import createModule from '@wasm/leaky_simd.mjs';
import scalarWasm from '@wasm/leaky_scalar.wasm?base64';
import simdWasm from '@wasm/leaky_simd.wasm?base64';
import type { Variant } from './choose-variant';

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Compiles the chosen variant's wasm (only that one is decoded). */
export function compileCore(variant: Variant): Promise<WebAssembly.Module> {
  return WebAssembly.compile(decode(variant === 'simd' ? simdWasm : scalarWasm));
}

/** An instance of the core from a compiled module, through the (shared) Emscripten glue. */
export function instantiateCore<T>(module: WebAssembly.Module): Promise<T> {
  const factory = createModule as unknown as (options: Record<string, unknown>) => Promise<T>;
  let fail: (reason: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const ready = factory({
    instantiateWasm(
      imports: WebAssembly.Imports,
      receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
    ) {
      WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module), fail);
      return {};
    },
  });
  return Promise.race([ready, failed]);
}
