import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/appStore';
import { createTourStore } from '../tour/tourStore';
import { createCameraChannel } from './cameraChannel';
import { connectViewUrl } from './connectViewUrl';

function fakeEnv(href: string) {
  const env = {
    location: {
      href,
      get search() {
        return new URL(this.href).search;
      },
    },
    history: {
      state: null as unknown,
      replaced: [] as string[],
      replaceState(_d: unknown, _u: string, url: string) {
        env.location.href = url;
        env.history.replaced.push(url);
      },
    },
    pop: [] as Array<() => void>,
    addPopListener(f: () => void) {
      env.pop.push(f);
    },
    explained: 0,
    explainWhenReady() {
      env.explained++;
    },
    debounceMs: 10,
    // Read when connected: the test's current channel (made fresh before each test).
    get camera() {
      return cameraChannel;
    },
  };
  return env;
}

let cameraChannel = createCameraChannel();

describe('the view in the address, connected', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    cameraChannel = createCameraChannel();
  });
  afterEach(() => vi.useRealTimers());

  it('applies the address on opening, rewrites it with replaceState on view changes, and re-applies on back/forward', () => {
    const store = createAppStore();
    const tour = createTourStore();
    const env = fakeEnv(
      'http://h/?case=ptbxl-00262&method=lime&pp=scaled&t=80&cam=superior&explained=1&tour=lafb&step=2&presenter=1',
    );
    connectViewUrl(store, tour, env);
    expect(store.getState()).toMatchObject({ explainMethod: 'lime', attributionDisplay: 'scaled', cursorMs: 80 });
    expect(tour.getState()).toMatchObject({ tourId: 'lafb', step: 1, presenter: true, restored: true });
    expect(cameraChannel.getState().request).toMatchObject({ preset: 'superior', pose: null });
    expect(env.explained).toBe(1);

    store.getState().setAttributionDisplay('absolute');
    store.getState().setCursorMs(120);
    vi.advanceTimersByTime(20);
    expect(env.history.replaced).toHaveLength(1); // debounced: two changes, one rewrite
    // no explanation exists yet in this store, so explained=1 is dropped; the camera not yet reported stays as it was
    expect(env.location.href).toBe(
      'http://h/?case=ptbxl-00262&method=lime&pp=absolute&cam=superior&t=120&tour=lafb&step=2&presenter=1',
    );

    // Back: the browser moved to another entry; its view is applied (after case navigation's own handler)
    env.location.href = 'http://h/?case=ptbxl-00285&layout=6x2';
    env.pop.forEach((f) => f());
    vi.advanceTimersByTime(1);
    expect(store.getState()).toMatchObject({
      paperLayout: '6x2',
      attributionDisplay: 'signed',
      explainMethod: 'ig',
      cursorMs: null,
    });
    expect(tour.getState().tourId).toBeNull();
  });
});
