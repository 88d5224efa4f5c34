import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPwaStore } from './pwaState';
import './pwa.css';

const store = createPwaStore();
/** How long "Ready to work offline" is shown in words before it settles into a dot. */
const SETTLE_MS = 6000;

/**
 * "Ready to work offline" once the service worker's precache is complete, and "A new version is available —
 * Reload" when one is deployed. Reloads only when the user clicks. Renders nothing where there is no service
 * worker (dev server, tests, old browsers): registration happens only in a production build.
 */
export function PwaStatus() {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const [reload, setReload] = useState<(() => void) | null>(null);
  // "Ready to work offline" is news once: after a few seconds it settles into a dot in the corner, so it no longer
  // sits over the footer (its words stay for screen readers and as the dot's meaning).
  const [settled, setSettled] = useState(false);
  const readyOnly = state.offlineReady && state.update === 'none';
  useEffect(() => {
    if (!readyOnly) return setSettled(false);
    const t = setTimeout(() => setSettled(true), SETTLE_MS);
    return () => clearTimeout(t);
  }, [readyOnly]);

  useEffect(() => {
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    let cancelled = false;
    void import('./registerPwa').then(({ registerPwa }) => {
      if (!cancelled) setReload(() => registerPwa(store));
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (!state.offlineReady && state.update === 'none') return null;
  return (
    <aside className="pwa-status" aria-label="Offline and updates">
      {readyOnly && (
        <p role="status" data-testid="offline-ready" className={settled ? 'pwa-settled' : undefined}>
          <span aria-hidden="true">●</span>{' '}
          <span className={settled ? 'visually-hidden' : undefined}>Ready to work offline</span>
        </p>
      )}
      {(state.update === 'waiting' || state.update === 'reloading') && (
        <p role="status" data-testid="update-available">
          A new version is available.{' '}
          <button type="button" onClick={() => reload?.()} disabled={!reload || state.update === 'reloading'}>
            Reload
          </button>{' '}
          <span className="muted">(your annotations are saved)</span>
        </p>
      )}
      {state.update === 'taken-over' && (
        <p role="status" data-testid="update-available">
          A new version was activated in another tab.{' '}
          <button type="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </p>
      )}
    </aside>
  );
}
