import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPwaStore } from './pwaState';
import './pwa.css';

const store = createPwaStore();

/**
 * "Ready to work offline" once the service worker's precache is complete, and "A new version is available —
 * Reload" when one is deployed. Reloads only when the user clicks. Renders nothing where there is no service
 * worker (dev server, tests, old browsers): registration happens only in a production build.
 */
export function PwaStatus() {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const [reload, setReload] = useState<(() => void) | null>(null);

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
      {state.offlineReady && state.update === 'none' && (
        <p role="status" data-testid="offline-ready">
          <span aria-hidden="true">●</span> Ready to work offline
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
