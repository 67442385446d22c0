// The Emscripten ES6 glue (-sMODULARIZE=1 -sEXPORT_ES6=1), aliased by Vite; both browser
// variants share it (wasm/CMakeLists.txt).
declare module '@wasm/leaky_simd.mjs' {
  const createModule: import('./core-api').CoreFactory;
  export default createModule;
}

// Both wasm variants, compressed together, as base64 (vite-wasm-inline.ts).
declare module '@wasm/variants.zst' {
  /** One Zstandard frame holding the variants in `order`, back to back. */
  export const packed: string;
  /** Each variant's size in bytes. */
  export const sizes: Record<import('./choose-variant').Variant, number>;
  export const order: readonly import('./choose-variant').Variant[];
}

// A wasm file's URL in the built site (Vite's ?url).
declare module '@wasm/*.wasm?url' {
  const url: string;
  export default url;
}

// How this build carries the core's wasm (an alias in vite.config.ts).
declare module '@core-wasm' {
  export function compileCore(
    variant: import('./choose-variant').Variant,
  ): Promise<WebAssembly.Module>;
}
