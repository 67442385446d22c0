// The Emscripten ES6 builds (-sMODULARIZE=1 -sEXPORT_ES6=1 -sSINGLE_FILE=1), aliased by Vite.
declare module '@wasm/leaky_simd.mjs' {
  const createModule: import('./core-api').CoreFactory;
  export default createModule;
}

declare module '@wasm/leaky_scalar.mjs' {
  const createModule: import('./core-api').CoreFactory;
  export default createModule;
}
