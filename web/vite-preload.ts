// The site's first frame sooner (a Vite plugin): index.html asks for the SIMD wasm as soon as
// it is parsed, so the download overlaps the script's; the page's own fetch then takes the
// preloaded response. Every browser with WebAssembly SIMD (all current ones) uses that file;
// a browser without SIMD downloads it in vain and fetches the scalar one.
import type { Plugin } from 'vite';

export function preloadWasm(): Plugin {
  return {
    name: 'leaky-preload-wasm',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const file = Object.keys(ctx.bundle ?? {}).find((f) => /leaky_simd[^/]*\.wasm$/.test(f));
        if (file === undefined) throw new Error('the build has no SIMD wasm to preload');
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'preload',
              href: `./${file}`,
              as: 'fetch',
              type: 'application/wasm',
              crossorigin: '',
            },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
