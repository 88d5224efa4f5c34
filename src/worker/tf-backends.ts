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
  if (tf.getBackend() !== name)
    throw new WorkerFailure('backend-unavailable', `TF.js is on ${tf.getBackend()}, not ${name}`);
  // Which wasm build runs: threads need a cross-origin-isolated page (COOP/COEP, vite.config.ts). The bench reads this line.
  if (name === 'wasm')
    console.info(
      `wasm backend: ${(await import('./wasm-paths')).wasmThreads()} thread(s), cross-origin isolated: ${globalThis.crossOriginIsolated === true}`,
    );
}

/**
 * Reports the loss of a GPU backend's device: WebGPU's `device.lost` (driver reset, GPU removed, `device.destroy()`)
 * and WebGL's `webglcontextlost` on TF.js's own (offscreen) canvas. wasm and cpu cannot be lost.
 */
export function watchBackend(name: BackendName, onLost: (reason: string) => void): () => void {
  let live = true;
  const b = tf.backend() as unknown as {
    device?: { lost?: Promise<{ message?: string; reason?: string }> };
    gpgpu?: { gl?: { canvas?: EventTarget } };
  };
  if (name === 'webgpu' && b.device?.lost) {
    void b.device.lost.then(
      (info) =>
        live &&
        onLost(`WebGPU device lost${info.reason ? ` (${info.reason})` : ''}${info.message ? `: ${info.message}` : ''}`),
    );
  }
  const canvas = name === 'webgl' ? b.gpgpu?.gl?.canvas : undefined;
  const onContextLost = () => live && onLost('WebGL context lost');
  canvas?.addEventListener?.('webglcontextlost', onContextLost);
  return () => {
    live = false;
    canvas?.removeEventListener?.('webglcontextlost', onContextLost);
  };
}

/** Tests: loses the active GPU backend's device for real (what a driver reset does); false on wasm and cpu. */
export function loseDevice(name: BackendName): boolean {
  const b = tf.backend() as unknown as {
    device?: { destroy?: () => void };
    gpgpu?: { gl?: { getExtension(n: string): { loseContext(): void } | null } };
  };
  if (name === 'webgpu' && b.device?.destroy) {
    b.device.destroy();
    return true;
  }
  const ext = name === 'webgl' ? b.gpgpu?.gl?.getExtension('WEBGL_lose_context') : null;
  if (ext) {
    ext.loseContext();
    return true;
  }
  return false;
}
