/**
 * What the page knows about its service worker, as a tiny store the status component reads. Kept free of the
 * virtual module so it can be tested in Node.
 *
 * - `offlineReady`: a service worker is active for this page, so its precache (the whole app, models and demo
 *   cases) is complete: a worker only becomes active after its install step, the precache, succeeded.
 * - `update`: 'none'; 'waiting' (a new version is installed and waits for the user's "Reload"); 'reloading' (the
 *   user clicked, the page reloads once the new worker controls it); 'taken-over' (another tab of this app
 *   activated the new version: this page keeps running, and says a reload is due, but never reloads by itself,
 *   so an annotation in progress is not lost).
 */
export interface PwaState {
  offlineReady: boolean;
  update: 'none' | 'waiting' | 'reloading' | 'taken-over';
}

export type PwaEvent = 'offline-ready' | 'update-waiting' | 'user-reload' | 'new-version-controls';

/** The state after `e`; the same object when nothing changed (so listeners and React re-render only on change). */
export function nextPwaState(s: PwaState, e: PwaEvent): PwaState {
  const next = transition(s, e);
  return next.offlineReady === s.offlineReady && next.update === s.update ? s : next;
}

function transition(s: PwaState, e: PwaEvent): PwaState {
  switch (e) {
    case 'offline-ready':
      return { ...s, offlineReady: true };
    case 'update-waiting':
      return s.update === 'reloading' ? s : { ...s, update: 'waiting' };
    case 'user-reload':
      return { ...s, update: 'reloading' };
    case 'new-version-controls':
      return s.update === 'reloading' ? s : { ...s, update: 'taken-over' };
  }
}

/** Should the page reload now that a new worker controls it? Only when the user asked for it. */
export const shouldReloadOnControl = (s: PwaState): boolean => s.update === 'reloading';

type Listener = (s: PwaState) => void;

export interface PwaStore {
  get(): PwaState;
  dispatch(e: PwaEvent): void;
  subscribe(l: Listener): () => void;
}

export function createPwaStore(initial: PwaState = { offlineReady: false, update: 'none' }): PwaStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    dispatch(e) {
      const next = nextPwaState(state, e);
      if (next === state) return;
      state = next;
      for (const l of listeners) l(state);
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}
