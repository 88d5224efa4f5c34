import { describe, expect, it } from 'vitest';
import { handleTourKey } from './tourKeys';
import { createTourStore } from './tourStore';

const key = (k: string, target: unknown = null) => ({
  key: k,
  target: target as EventTarget | null,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
});

describe('tour keys', () => {
  it('T starts the tour; PageDown/→ step forward, PageUp/← back, clamped at both ends', () => {
    const tour = createTourStore();
    const fs = { fullscreen3d: (on: boolean) => tour.getState().setFullscreen3d(on) };
    expect(handleTourKey(key('PageDown'), tour, fs)).toBe(false); // no tour: not ours
    expect(handleTourKey(key('t'), tour, fs)).toBe(true);
    expect(tour.getState()).toMatchObject({ tourId: 'lafb', step: 0 });
    for (let i = 0; i < 10; i++) handleTourKey(key(i % 2 ? 'PageDown' : 'ArrowRight'), tour, fs);
    expect(tour.getState().step).toBe(4);
    handleTourKey(key('PageUp'), tour, fs);
    handleTourKey(key('ArrowLeft'), tour, fs);
    expect(tour.getState().step).toBe(2);
    expect(handleTourKey(key('ArrowRight', { tagName: 'INPUT' }), tour, fs)).toBe(false);
  });
  it('Esc leaves full-screen 3D, then presenter mode, then the tour', () => {
    const tour = createTourStore();
    const fs = { fullscreen3d: (on: boolean) => tour.getState().setFullscreen3d(on) };
    tour.getState().start('lafb');
    handleTourKey(key('p'), tour, fs);
    handleTourKey(key('f'), tour, fs);
    expect(tour.getState()).toMatchObject({ presenter: true, fullscreen3d: true });
    handleTourKey(key('Escape'), tour, fs);
    expect(tour.getState()).toMatchObject({ presenter: true, fullscreen3d: false });
    handleTourKey(key('Escape'), tour, fs);
    expect(tour.getState()).toMatchObject({ presenter: false, tourId: 'lafb' });
    handleTourKey(key('Escape'), tour, fs);
    expect(tour.getState().tourId).toBeNull();
  });
});
