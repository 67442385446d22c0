// A plain static file server for the browser tests, as a code host's project pages serve a
// site: the files of a folder under a sub-path (`/leaky-lab/`), each with its type and the
// caching the README asks of a host (files in assets/ have hashed names: cached for long;
// the rest revalidated), nothing else. It can switch to another folder (a new build) and stop (the network gone), and serve a
// few pages from memory (host pages on another origin, for the embed tests).
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.ts': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The site's address: origin + base. */
  readonly url: string;
  /** Serves another folder from now on (a new build of the site). */
  setRoot(root: string): void;
  /** Requests answered so far, by path. */
  readonly requests: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The folder served under `base`; null for pages only. */
  root: string | null;
  /** The sub-path, with slashes at both ends. */
  base?: string;
  /** Paths (with their leading slash) answered from memory. */
  pages?: Record<string, string>;
  /** Headers on every answer. */
  headers?: Record<string, string>;
  /** A port to listen on (0: any free one); the same port is the same origin again. */
  port?: number;
}

export async function serveStatic(options: ServeOptions): Promise<StaticServer> {
  const base = options.base ?? '/';
  let root = options.root;
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const send = (status: number, body: string | Buffer, type = 'text/plain'): void => {
        res.writeHead(status, { 'content-type': type, ...options.headers });
        res.end(body);
      };
      const page = options.pages?.[path];
      if (page !== undefined) return send(200, page, TYPES['.html']);
      if (root === null || !path.startsWith(base)) return send(404, 'not found');
      let file = normalize(join(root, path.slice(base.length)));
      if (!file.startsWith(normalize(root + sep)) && file !== normalize(root))
        return send(404, 'not found');
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.setHeader(
          'cache-control',
          /\/assets\//.test(path) ? 'max-age=31536000, immutable' : 'no-cache',
        );
        send(200, body, TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        send(404, 'not found');
      }
    })();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: `${origin}${base}`,
    requests,
    setRoot(next) {
      root = next;
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
