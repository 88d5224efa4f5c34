import { expect, type Page } from '@playwright/test';

/**
 * Waits until the service worker is active and its precache complete: the app's own indicator says so, and the
 * page agrees (`navigator.serviceWorker.ready` resolves with an active worker, and it controls the page).
 */
export async function waitForOfflineReady(page: Page, timeout = 120_000): Promise<void> {
  await expect(page.getByTestId('offline-ready')).toContainText('Ready to work offline', { timeout });
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!reg.active) throw new Error('navigator.serviceWorker.ready has no active worker');
    // The first load is not controlled until the worker claims it (clientsClaim is off): one reload fixes that,
    // and every later navigation, online or off, then goes through the worker.
  });
}

/** The names of the precache's cache storage and how many responses it holds. */
export async function precacheEntries(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let n = 0;
    for (const name of await caches.keys())
      if (name.includes('precache')) n += (await (await caches.open(name)).keys()).length;
    return n;
  });
}
