import { describe, expect, it } from 'vitest';
import { type BackendEnvironment, backendOrder, probeBackends } from './backends';
import type { BackendSupport } from './protocol';
import { WorkerFailure } from './protocol';

const support = (available: Record<string, boolean>): BackendSupport[] =>
  (['webgpu', 'webgl', 'wasm', 'cpu'] as const).map((backend) => ({
    backend,
    available: available[backend] ?? false,
    detail: available[backend] ? 'ok' : `no ${backend}`,
  }));

function failure(f: () => unknown): WorkerFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof WorkerFailure) return e;
    throw e;
  }
  throw new Error('expected a WorkerFailure');
}

describe('backendOrder', () => {
  it('tries every available backend by priority when none is asked for', () => {
    expect(backendOrder(support({ webgpu: true, webgl: true, wasm: true, cpu: true }))).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
    expect(backendOrder(support({ wasm: true, cpu: true, webgl: true }))).toEqual(['webgl', 'wasm', 'cpu']);
    // Order comes from the priority list, not from the order of the check's answer.
    expect(backendOrder([...support({ cpu: true, webgpu: true })].reverse())).toEqual(['webgpu', 'cpu']);
  });

  it('runs an asked-for backend alone, and fails loudly when it is not available', () => {
    const s = support({ webgl: true, wasm: true, cpu: true });
    expect(backendOrder(s, 'wasm')).toEqual(['wasm']);
    const e = failure(() => backendOrder(s, 'webgpu'));
    expect(e.code).toBe('backend-unavailable');
    expect(e.message).toContain('no webgpu');
    expect(e.message).toContain('available: webgl, wasm, cpu');
  });

  it('says no-backend, with each reason, when nothing is available', () => {
    const e = failure(() => backendOrder(support({})));
    expect(e.code).toBe('no-backend');
    expect(e.message).toContain('wasm: no wasm');
  });
});

describe('probeBackends', () => {
  const glContext = (renderer: string) => () => ({
    RENDERER: 1,
    getExtension: (n: string) => (n === 'WEBGL_debug_renderer_info' ? { UNMASKED_RENDERER_WEBGL: 2 } : null),
    getParameter: (p: number) => (p === 2 ? renderer : 'generic'),
  });
  const wasm = { validate: () => true };

  it('reports the adapter and renderer when everything is there', async () => {
    const env: BackendEnvironment = {
      gpu: {
        requestAdapter: async () => ({ info: { vendor: 'google', architecture: 'swiftshader', description: '' } }),
      },
      webglContext: glContext('ANGLE (SwiftShader)'),
      webAssembly: wasm,
    };
    expect(await probeBackends(env)).toEqual([
      { backend: 'webgpu', available: true, detail: 'google swiftshader (software)', software: true },
      { backend: 'webgl', available: true, detail: 'ANGLE (SwiftShader) (software)', software: true },
      { backend: 'wasm', available: true, detail: 'WebAssembly' },
      { backend: 'cpu', available: true, detail: 'plain JavaScript' },
    ]);
  });

  it('says why each one is missing; cpu is always there', async () => {
    const none = await probeBackends({});
    expect(none.map((s) => [s.backend, s.available])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', false],
      ['cpu', true],
    ]);
    expect(none[0].detail).toMatch(/navigator\.gpu/);

    const broken = await probeBackends({
      gpu: { requestAdapter: async () => null },
      webglContext: () => null,
      webAssembly: { validate: () => false },
    });
    expect(broken.map((s) => s.detail)).toEqual([
      'no WebGPU adapter',
      'no WebGL context',
      'no WebAssembly',
      'plain JavaScript',
    ]);

    const throwing = await probeBackends({
      gpu: {
        requestAdapter: async () => {
          throw new Error('blocked');
        },
      },
      webglContext: () => {
        throw new Error('context lost');
      },
    });
    expect(throwing[0]).toEqual({ backend: 'webgpu', available: false, detail: 'requestAdapter failed: blocked' });
    expect(throwing[1].available).toBe(false);
  });
});

describe('software GPU adapters rank after wasm', () => {
  it('SwiftShader WebGPU and WebGL go after wasm; a hardware GPU stays first', () => {
    const sw = [
      { backend: 'webgpu' as const, available: true, detail: 'google swiftshader (software)', software: true },
      { backend: 'webgl' as const, available: true, detail: 'SwiftShader (software)', software: true },
      { backend: 'wasm' as const, available: true, detail: 'WebAssembly' },
      { backend: 'cpu' as const, available: true, detail: 'plain JavaScript' },
    ];
    expect(backendOrder(sw)).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    const hw = sw.map((s) => ({ ...s, software: false }));
    expect(backendOrder(hw)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
  });
});
