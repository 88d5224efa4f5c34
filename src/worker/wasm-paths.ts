import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Vite emits each binary as a hashed asset and gives its URL; the backend picks one at run time
// (threaded SIMD when the page is cross-origin isolated, as vite.config.ts serves it; else SIMD).
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let configured = false;

/** Must run before tf.setBackend('wasm'); setWasmPaths refuses to run twice after initialisation. */
export function configureWasmPaths(): void {
  if (configured) return;
  // Threads for XNNPACK's pool (it counts the calling thread): all logical cores but one, which the page keeps for
  // drawing (progressive IG redraws the grid, beat panel and heart while the worker computes; with every core busy
  // those frames took 100–200 ms on a 2-core machine, measured by e2e/explain.spec.ts). TF.js caps the count at
  // navigator.hardwareConcurrency / 2 (it assumes two hyper-threads per core); the wasm module reads that value
  // once, at start-up, so it is shown doubled to this worker only. Ignored by the single-threaded builds.
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  const cores = Math.max(1, Math.min(8, (nav?.hardwareConcurrency ?? 2) - 1));
  if (nav) Object.defineProperty(nav, 'hardwareConcurrency', { configurable: true, get: () => 2 * cores });
  setThreadsCount(cores);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
  configured = true;
}

/** Threads the initialised wasm backend runs with (1 without cross-origin isolation). */
export function wasmThreads(): number {
  return getThreadsCount();
}
