import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The page's Content-Security-Policy. One string, delivered twice: as a `<meta http-equiv>` in the built index.html
 * (any static host) and as a response header from `vite preview` (`npm start`). Why each source is there:
 * - `default-src 'self'`: nothing from another origin, ever (no CDN, fonts, analytics).
 * - `script-src 'self' 'wasm-unsafe-eval' blob:`: TF.js's WASM backend compiles WebAssembly ('wasm-unsafe-eval',
 *   not 'unsafe-eval': eval and new Function stay forbidden); its threaded build starts each pthread worker from a
 *   Blob URL that `importScripts` a second Blob URL holding the backend's own code (both made by the app's own
 *   bundled script, never fetched). No inline JS.
 * - `worker-src 'self' blob:`: those pthread workers, and the inference worker (a same-origin file).
 * - `img-src 'self' data: blob:`: canvas snapshots and exported figures are data:/blob: URLs shown or downloaded.
 * - `style-src 'self'`: every stylesheet is a file; React's `style={…}` props go through the CSSOM, which CSP does
 *   not govern, so no 'unsafe-inline' is needed (the egress e2e fails on any violation, which would catch one).
 * - `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`: no plugins, no <base> hijack, no form posts away.
 * `frame-ancestors` is left out on purpose: browsers ignore it in a meta tag (with a console warning) and the header
 * is meant to be the same policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Adds the CSP meta tag to the built index.html only: the dev server's HMR needs inline scripts. */
export function cspMeta(): Plugin {
  return {
    name: 'cineecg:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/** Workbox's precache limit per file; the largest file the app ships is ~1.4 MB (ecg12's reference windows). */
const MAX_PRECACHE_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Installable, offline app: the manifest and a Workbox service worker that precaches everything the app can open
 * (shell, both models and their reference windows, TF.js's three WASM builds, the heart, the demo cases, the example
 * study). `registerType: 'prompt'`: a new version waits until the user chooses to reload (src/app/pwa), so an
 * annotation in progress is never lost to a silent reload.
 */
export function pwa(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false, // src/app/pwa registers it (no inline script: the CSP forbids one)
    filename: 'sw.js',
    includeAssets: [],
    includeManifestIcons: false, // the glob below already takes icons/
    manifest: {
      name: 'CineECG Explorer',
      short_name: 'CineECG',
      description:
        'Explore why a deep-learning model calls a 12-lead ECG normal or abnormal. Runs entirely in your browser, offline too.',
      id: './',
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: '#1d4ed8',
      background_color: '#ffffff',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      // Everything the app fetches, by extension: .hea/.dat/.xml/.csv are the demo cases, .json/.bin the models,
      // reference windows, heart and study, .wasm TF.js's backends. Source maps stay out (debugging only).
      globPatterns: ['**/*.{html,js,css,json,bin,wasm,png,svg,hea,dat,xml,csv,txt}'], // + the manifest, added by the plugin
      globIgnores: ['**/*.map'],
      maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
      // Every navigation (`./?case=…`, `./?study=example`) is the one-page app: serve the precached index.html,
      // query string and all, so links open offline.
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: false,
      skipWaiting: false,
    },
  });
}
