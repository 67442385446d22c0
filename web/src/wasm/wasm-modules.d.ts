// The Emscripten ES6 glue (-sMODULARIZE=1 -sEXPORT_ES6=1), aliased by Vite; both browser
// variants share it (wasm/CMakeLists.txt).
declare module '@wasm/leaky_simd.mjs' {
  const createModule: import('./core-api').CoreFactory;
  export default createModule;
}

// A wasm file as a base64 string (vite-wasm-inline.ts).
declare module '@wasm/*.wasm?base64' {
  const base64: string;
  export default base64;
}
