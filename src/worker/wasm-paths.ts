import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Vite emits each binary as a hashed asset and gives its URL; the backend picks one at run time
// (threaded-SIMD needs cross-origin isolation, which this app does not ask for, so SIMD is used).
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

let configured = false;

/** Must run before tf.setBackend('wasm'); setWasmPaths refuses to run twice after initialisation. */
export function configureWasmPaths(): void {
  if (configured) return;
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimdUrl,
  });
  configured = true;
}
