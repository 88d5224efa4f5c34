import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerConv2dBackpropFilter } from './conv-backprop-filter';

/**
 * Select a TF.js backend in Node. tfjs-node cannot be installed here, and the plain-JS 'cpu' backend is ~60×
 * slower than 'wasm' (XNNPACK, SIMD) for this model, so 'wasm' is the default for training and the CLI.
 */
export async function useBackend(name: string): Promise<string> {
  if (name === 'wasm') {
    const dist = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
    setWasmPaths(join(dist, '/'));
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`TF.js backend "${name}" is not available in this process`);
  await tf.ready();
  if (name === 'wasm') registerConv2dBackpropFilter('wasm');
  return tf.getBackend();
}
