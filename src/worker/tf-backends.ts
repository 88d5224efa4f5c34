import * as tf from '@tensorflow/tfjs';
import type { BackendName } from './protocol';
import { WorkerFailure } from './protocol';

/**
 * Makes `name` TF.js's active backend in the browser. webgl and cpu come with @tensorflow/tfjs; webgpu and
 * wasm are imported only when chosen, so a page that runs on WebGL never downloads them.
 */
export async function initBackend(name: BackendName): Promise<void> {
  if (name === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
  if (name === 'wasm') (await import('./wasm-paths')).configureWasmPaths();
  // setBackend answers false (and logs why) when the backend's factory fails.
  const ok = await tf.setBackend(name);
  if (!ok) throw new WorkerFailure('backend-unavailable', `TF.js could not initialise the ${name} backend`);
  await tf.ready();
  if (tf.getBackend() !== name) throw new WorkerFailure('backend-unavailable', `TF.js is on ${tf.getBackend()}, not ${name}`);
  // Which wasm build runs: threads need a cross-origin-isolated page (COOP/COEP, vite.config.ts). The bench reads this line.
  if (name === 'wasm') console.info(`wasm backend: ${(await import('./wasm-paths')).wasmThreads()} thread(s), cross-origin isolated: ${globalThis.crossOriginIsolated === true}`);
}
