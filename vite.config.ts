import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, cspMeta, pwa } from './build/pwa';

const MODELS_DIR = resolve(import.meta.dirname, 'models');

/** What a model folder ships: TF.js layers files, the small metrics file the UI may show, and meta.json (the registry entry with the files' SHA-256, checked by the worker). */
const isModelFile = (name: string): boolean =>
  name === 'model.json' || name === 'metrics.json' || name === 'meta.json' || name.endsWith('.bin');

/** The registry's list of the app's models, primary first: the page reads it to know which models to load. */
const REGISTRY_INDEX = join(MODELS_DIR, 'index.json');

/** Models the app loads (models/index.json, the registry's list); others in models/ (the synthetic-cohort model of the benchmark) are not shipped or precached. */
const APP_MODELS = new Set((JSON.parse(readFileSync(REGISTRY_INDEX, 'utf8')) as { app: string[] }).app);

/** Model files under models/, as paths relative to it with forward slashes ("ecg12/model.json"). */
function modelFiles(dir = MODELS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return dir === MODELS_DIR && !APP_MODELS.has(name) ? [] : modelFiles(p);
    return isModelFile(name) || p === REGISTRY_INDEX ? [relative(MODELS_DIR, p).split(sep).join('/')] : [];
  });
}

/**
 * Serves models/** at ./models/… in dev and copies the same files into dist/models/ at build, so
 * `vite preview` (which serves dist/) and any static host serve them too. Other files in models/ (the data
 * split, the model card) are not published.
 */
function serveModels(): Plugin {
  return {
    name: 'cineecg:models',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // The dev server's base is '/', so ./models/… from the page is /models/….
        const path = decodeURIComponent((req.url ?? '').split('?')[0]);
        if (!path.startsWith('/models/')) return next();
        const file = resolve(MODELS_DIR, path.slice('/models/'.length));
        // Only plain model files inside models/: no traversal, no other files.
        if (
          !file.startsWith(MODELS_DIR + sep) ||
          !(isModelFile(file.split(sep).pop() ?? '') || file === REGISTRY_INDEX) ||
          !existsSync(file) ||
          !statSync(file).isFile()
        ) {
          return next();
        }
        res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Content-Length', statSync(file).size);
        res.setHeader('Cache-Control', 'no-cache');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const rel of modelFiles()) {
        this.emitFile({ type: 'asset', fileName: `models/${rel}`, source: readFileSync(join(MODELS_DIR, rel)) });
      }
    },
  };
}

/**
 * TF.js's threaded wasm build starts its pthread workers from a Blob holding `factory.toString()`. The factory
 * reads `_scriptDir` from the closure around it, which does not exist in that Blob; unminified, a `typeof` guard
 * covers this, but the minifier (which sees the variable declared) drops the guard and every pthread worker dies
 * with "e is not defined". Reading it from a global instead keeps the guard meaningful in the Blob too.
 */
function tfjsWasmThreadsFix(): Plugin {
  const file = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
  return {
    name: 'cineecg:tfjs-wasm-threads',
    transform(code, id) {
      if (!file.test(id.split('?')[0])) return null;
      const at = code.indexOf('return (');
      if (at < 0 || !code.includes('_scriptDir'))
        throw new Error(`${id}: not the TF.js threaded wasm factory this fix was written for`);
      const outer = code
        .slice(0, at)
        .replace(/(if \(typeof __filename[^\n]*\n)/, '$1  globalThis.__tfjsWasmScriptDir = _scriptDir;\n');
      return { code: outer + code.slice(at).replaceAll('_scriptDir', 'globalThis.__tfjsWasmScriptDir'), map: null };
    },
  };
}

/**
 * Cross-origin isolation (COOP + COEP): without it there is no SharedArrayBuffer, and TF.js's wasm backend falls
 * back from its threaded SIMD build to single-threaded SIMD. Every resource of the app is same-origin, so
 * require-corp costs nothing. A static host must send the same two headers (README).
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

// `base: './'`: every asset URL is relative, so the built app works from any path (a sub-folder, a file
// server, `vite preview`). The app fetches its cases and models relative to the page for the same reason.
export default defineConfig({
  base: './',
  plugins: [react(), serveModels(), cspMeta(), pwa()],
  // The inference worker imports the WebGPU and WASM backends lazily: ES-module workers can split chunks.
  worker: { format: 'es', plugins: () => [tfjsWasmThreadsFix()] },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: { headers: ISOLATION_HEADERS },
  // `npm start` sends the same CSP as the built index.html's meta tag (build/pwa.ts); the dev server does not (HMR).
  preview: {
    headers: { ...ISOLATION_HEADERS, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
