import type { InferenceClient } from '../../worker/client';
import { crashPanel, PANELS, type PanelName } from './panelCrash';

/** What the e2e tests can force in the built app, on `window.__cineecgTest` (only with `?test-hooks` in the URL). */
export interface FaultTestHooks {
  /** `worker.terminate()` on the inference worker, handled as a crash: the running job fails, the worker restarts. */
  killWorker(): void;
  /** The worker's backend is "lost" at the running explain's next batch (as after a WebGPU device loss). */
  loseBackend(): Promise<void>;
  /** The worker's GPU device is really lost (WebGPU device.destroy(), WebGL loseContext); as loseBackend on wasm/cpu. */
  loseDevice(): Promise<void>;
  /** TF.js's live tensors and bytes in the worker (the soak script reads them between runs). */
  workerMemory(): Promise<{ numTensors: number; numBytes: number; backend: string | null }>;
  /** The named panel throws while rendering until "Try again". */
  crashPanel(name: PanelName): void;
}

declare global {
  interface Window {
    __cineecgTest?: FaultTestHooks;
  }
}

export function testHooksWanted(search: string): boolean {
  return new URLSearchParams(search).has('test-hooks');
}

export function installFaultTestHooks(client: InferenceClient): void {
  window.__cineecgTest = {
    killWorker: () => client.crashForTest(),
    loseBackend: () => client.simulateFault('backend-lost'),
    loseDevice: () => client.simulateFault('device-lost'),
    workerMemory: () => client.memory(),
    crashPanel: (name) => {
      if (!(PANELS as readonly string[]).includes(name))
        throw new Error(`unknown panel "${name}"; expected one of ${PANELS.join(', ')}`);
      crashPanel(name);
    },
  };
}
