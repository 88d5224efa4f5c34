import { describe, expect, it } from 'vitest';
import { createPwaStore, shouldReloadOnControl } from './pwaState';

describe('PWA state', () => {
  it('shows offline-ready and an update prompt, and reloads only after the user asked', () => {
    const store = createPwaStore();
    const seen: string[] = [];
    store.subscribe((s) => seen.push(`${s.offlineReady}/${s.update}`));
    store.dispatch('offline-ready');
    store.dispatch('update-waiting');
    expect(shouldReloadOnControl(store.get())).toBe(false);
    store.dispatch('user-reload');
    expect(shouldReloadOnControl(store.get())).toBe(true);
    store.dispatch('new-version-controls'); // the user's own click: stays 'reloading', the page reloads
    expect(store.get().update).toBe('reloading');
    expect(seen).toEqual(['true/none', 'true/waiting', 'true/reloading']);
  });

  it('a new version activated elsewhere is announced, never a reason to reload this page', () => {
    const store = createPwaStore({ offlineReady: true, update: 'waiting' });
    store.dispatch('new-version-controls');
    expect(store.get().update).toBe('taken-over');
    expect(shouldReloadOnControl(store.get())).toBe(false);
  });

  it('an unchanged state notifies no one', () => {
    const store = createPwaStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.dispatch('offline-ready');
    store.dispatch('offline-ready');
    expect(calls).toBe(1);
  });
});
