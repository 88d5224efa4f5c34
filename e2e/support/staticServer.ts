import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * A minimal static host for a built app whose folder can be swapped while it runs: "deploying" a new build under
 * a page that is open. Sends the headers `npm start` sends (COOP/COEP and the CSP), and no-cache so the browser's
 * service-worker update check sees the new sw.js.
 */
export interface SwappableHost {
  url: string;
  serve(dir: string): void;
  close(): Promise<void>;
}

export async function startSwappableHost(
  port: number,
  dir: string,
  headers: Record<string, string>,
): Promise<SwappableHost> {
  let root = dir;
  const server: Server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, rel);
    if (!file.startsWith(path.resolve(root) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${port}/`,
    serve: (d) => void (root = d),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
