// The hosted site's service worker (dist/sw.js; vite-service-worker.ts prepends PRECACHE and
// VERSION). Small and our own rather than Workbox: the site is a handful of files with hashed
// names, known at build time, so it needs only a precache, one cache per build, and two fetch
// rules; workbox-build would add a bundler and a Babel toolchain to the build for that.
//   install   caches every file of this build (cache "leaky-lab-<VERSION>") but the wasm
//             variant this browser will not run (probed as the page probes), then takes over
//   activate  deletes the caches of earlier builds, so a new build replaces the old cleanly
//   fetch     pages: the network first (a new build is seen at once), the cache when offline;
//             other files of the site: the cache first (names are hashed), the network after,
//             kept for next time. Nothing outside the site's own origin and scope is touched.
// Browsers refuse service workers on file://; the single file works without one.
declare const PRECACHE: readonly string[];
declare const WASM: { simd: string; scalar: string };
declare const SIMD_PROBE: Uint8Array<ArrayBuffer>;
declare const VERSION: string;

// The few service-worker types used here (the page's tsconfig has the DOM library, not WebWorker).
interface SwEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface SwFetchEvent extends SwEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface SwScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: SwEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
}

const sw = self as unknown as SwScope;
const PREFIX = 'leaky-lab-';
const CACHE = `${PREFIX}${VERSION}`;

sw.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const wasm = WebAssembly.validate(SIMD_PROBE) ? WASM.simd : WASM.scalar;
      // Files with hashed names (assets/) may come from the HTTP cache, where the page's own
      // first requests just put them; the others are fetched afresh.
      const fresh = (f: string): RequestCache => (f.startsWith('assets/') ? 'default' : 'reload');
      await cache.addAll([...PRECACHE, wasm].map((f) => new Request(f, { cache: fresh(f) })));
      await sw.skipWaiting();
    })(),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      await sw.clients.claim();
    })(),
  );
});

async function fromNetwork(request: Request): Promise<Response> {
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const copy = response.clone();
    void caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function page(request: Request): Promise<Response> {
  try {
    return await fromNetwork(request);
  } catch (err) {
    const cache = await caches.open(CACHE);
    const hit =
      (await cache.match(request, { ignoreSearch: true })) ??
      (new URL(request.url).pathname.endsWith('/')
        ? await cache.match(new URL('index.html', request.url).href)
        : undefined);
    if (hit !== undefined) return hit;
    throw err;
  }
}

async function file(request: Request): Promise<Response> {
  const hit = await (await caches.open(CACHE)).match(request);
  return hit ?? fromNetwork(request);
}

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(sw.registration.scope)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});

export {}; // a module for the type checker; the build writes it as a classic script
