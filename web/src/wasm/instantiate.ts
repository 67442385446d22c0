// The core's wasm, compiled once per page and instantiated wherever it is needed: the page's
// own instance (the activation plot) and each run's worker get the same compiled module, so the
// page loads and compiles the chosen variant's wasm only once.
import createModule from '@wasm/leaky_simd.mjs';

/**
 * Compiles the chosen variant's wasm. How the page carries it depends on the build (an alias
 * in vite.config.ts): the single file decodes its inline copy (compile-inline.ts), the site
 * fetches the one file it needs (compile-fetch.ts).
 */
export { compileCore } from '@core-wasm';

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
