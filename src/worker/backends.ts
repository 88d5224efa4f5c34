import { BACKEND_PRIORITY, type BackendName, type BackendSupport, WorkerFailure } from './protocol';

/**
 * Which backends to try, in order. Without a request: every available one by priority (the worker takes
 * the first that initialises). With a request: that one only, and a loud failure when it is not available
 * here, rather than silently running on something else (the transformers.js rule).
 */
export function backendOrder(support: readonly BackendSupport[], requested?: BackendName): BackendName[] {
  // A GPU backend on a software rasteriser goes after wasm: measured here, SwiftShader WebGPU predicts ~100× slower.
  const rank = (b: BackendName) => {
    const s = support.find((x) => x.backend === b);
    return s?.software
      ? BACKEND_PRIORITY.indexOf('wasm') + 0.1 + 0.01 * BACKEND_PRIORITY.indexOf(b)
      : BACKEND_PRIORITY.indexOf(b);
  };
  const available = BACKEND_PRIORITY.filter((b) => support.some((s) => s.backend === b && s.available)).sort(
    (a, b) => rank(a) - rank(b),
  );
  if (requested) {
    if (available.includes(requested)) return [requested];
    const why = support.find((s) => s.backend === requested)?.detail ?? 'not checked';
    throw new WorkerFailure(
      'backend-unavailable',
      `backend "${requested}" is not available here (${why}); available: ${available.join(', ') || 'none'}`,
    );
  }
  if (available.length === 0) {
    const why = support.map((s) => `${s.backend}: ${s.detail}`).join('; ');
    throw new WorkerFailure('no-backend', `no TF.js backend is available here (${why})`);
  }
  return available;
}

/** What the platform offers; injected so the probe is testable without a browser. */
export interface BackendEnvironment {
  gpu?: { requestAdapter(): Promise<unknown> } | undefined;
  /** Returns a context or null, like OffscreenCanvas.getContext. */
  webglContext?: (() => unknown) | undefined;
  webAssembly?: { validate(bytes: BufferSource): boolean } | undefined;
}

/** The smallest valid WebAssembly module: magic number + version. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** Checks, without initialising TF.js, which backends could run: a WebGPU adapter, a WebGL context, WebAssembly. */
export async function probeBackends(env: BackendEnvironment): Promise<BackendSupport[]> {
  const out: BackendSupport[] = [];
  out.push(await probeWebGpu(env));
  out.push(probeWebGl(env));
  const wasmOk = !!env.webAssembly && safe(() => env.webAssembly!.validate(EMPTY_WASM_MODULE)) === true;
  out.push({ backend: 'wasm', available: wasmOk, detail: wasmOk ? 'WebAssembly' : 'no WebAssembly' });
  out.push({ backend: 'cpu', available: true, detail: 'plain JavaScript' });
  return out;
}

async function probeWebGpu(env: BackendEnvironment): Promise<BackendSupport> {
  if (!env.gpu)
    return {
      backend: 'webgpu',
      available: false,
      detail: 'no navigator.gpu (needs a secure context and WebGPU support)',
    };
  try {
    const adapter = (await env.gpu.requestAdapter()) as {
      isFallbackAdapter?: boolean;
      info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
    } | null;
    if (!adapter) return { backend: 'webgpu', available: false, detail: 'no WebGPU adapter' };
    const info = adapter.info;
    const name = [info?.vendor, info?.architecture, info?.description].filter((s) => s && s.length > 0).join(' ');
    const software =
      adapter.isFallbackAdapter === true ||
      info?.isFallbackAdapter === true ||
      /swiftshader|llvmpipe|lavapipe|software/i.test(name);
    return {
      backend: 'webgpu',
      available: true,
      detail: `${name || 'WebGPU adapter'}${software ? ' (software)' : ''}`,
      software,
    };
  } catch (e) {
    return {
      backend: 'webgpu',
      available: false,
      detail: `requestAdapter failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

function probeWebGl(env: BackendEnvironment): BackendSupport {
  if (!env.webglContext) return { backend: 'webgl', available: false, detail: 'no OffscreenCanvas' };
  const gl = safe(env.webglContext) as
    | {
        getExtension(n: string): { UNMASKED_RENDERER_WEBGL: number } | null;
        getParameter(p: number): unknown;
        RENDERER: number;
      }
    | null
    | undefined;
  if (!gl) return { backend: 'webgl', available: false, detail: 'no WebGL context' };
  const dbg = safe(() => gl.getExtension('WEBGL_debug_renderer_info'));
  const renderer = safe(() => gl.getParameter(dbg ? dbg.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  // Give the probe's context back at once: browsers cap live WebGL contexts, and TF.js makes its own.
  safe(() => (gl.getExtension('WEBGL_lose_context') as { loseContext(): void } | null)?.loseContext());
  const detail = typeof renderer === 'string' && renderer ? renderer : 'WebGL';
  const software = /swiftshader|llvmpipe|lavapipe|software/i.test(detail);
  return { backend: 'webgl', available: true, detail: `${detail}${software ? ' (software)' : ''}`, software };
}

function safe<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/** The real environment of a worker (or page). */
export function currentEnvironment(): BackendEnvironment {
  const nav = (globalThis as { navigator?: { gpu?: BackendEnvironment['gpu'] } }).navigator;
  return {
    gpu: nav?.gpu,
    webglContext:
      typeof OffscreenCanvas === 'undefined'
        ? undefined
        : () => {
            const c = new OffscreenCanvas(1, 1);
            return c.getContext('webgl2') ?? c.getContext('webgl');
          },
    webAssembly: typeof WebAssembly === 'object' ? WebAssembly : undefined,
  };
}
