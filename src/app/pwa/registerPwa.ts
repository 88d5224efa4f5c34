/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { shouldReloadOnControl, type PwaStore } from './pwaState';

const UPDATE_CHECK_MS = 60 * 60 * 1000;

/**
 * Registers the service worker (built by vite-plugin-pwa, build/pwa.ts) and feeds its events into `store`.
 * Returns the action behind the "Reload" button: activate the waiting version; the page reloads when it controls.
 */
export function registerPwa(store: PwaStore): () => void {
  let registration: ServiceWorkerRegistration | undefined;
  const activateWaiting = registerSW({
    immediate: true,
    onOfflineReady: () => store.dispatch('offline-ready'),
    onNeedRefresh: () => store.dispatch('update-waiting'),
    // The plugin's default here is window.location.reload(), also when another tab activated the new version.
    onNeedReload: () => {
      if (shouldReloadOnControl(store.get())) window.location.reload();
      else store.dispatch('new-version-controls');
    },
    // A worker that is already active when the page starts (any load after the first) finished its precache then.
    onRegisteredSW: (_url, r) => {
      registration = r;
      if (registration?.active) store.dispatch('offline-ready');
      // The app stays open all day: look for a new version hourly, not only when the page is opened.
      if (r) setInterval(() => void r.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    onRegisterError: (e: unknown) => console.warn('The offline service worker could not be registered:', e),
  });
  return () => {
    store.dispatch('user-reload');
    // A page opened before any worker was installed (the first visit) is not controlled, so no 'controlling'
    // event will come when the new version activates (clientsClaim is off). Then the new worker usually did not
    // even wait (no page held the old one): reload now; if it does wait, reload once it is active.
    if (!navigator.serviceWorker.controller) {
      const waiting = registration?.waiting;
      if (!waiting) {
        window.location.reload();
        return;
      }
      waiting.addEventListener('statechange', () => waiting.state === 'activated' && window.location.reload());
    }
    void activateWaiting(true);
  };
}
