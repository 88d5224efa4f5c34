import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium';
import { dragOnGrid, grid, marksOf, startExample } from './study-support';

/**
 * Durability of the study store (issue 15): the browser itself closed right after a mark (a persistent profile,
 * reopened), and a corrupt store injected behind the app's back: reported, offered for download, never wiped.
 * (Reload mid-case and export → import byte for byte are in study.spec.ts.)
 */
const WORK_KEY = JSON.stringify(['example-v1', 'dr-test']);

test('the whole browser closed right after a mark (same profile reopened): every mark and note is there', async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(path.join(tmpdir(), 'cineecg-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL,
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 900 },
    });
  try {
    const first = await launch();
    const page = first.pages()[0] ?? (await first.newPage());
    await startExample(page);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByRole('heading', { name: 'Case 2 of 10' })).toBeVisible();
    await page.getByLabel('Your diagnosis').fill('RBBB');
    await dragOnGrid(page, 1, 30, 110);
    await dragOnGrid(page, 7, 150, 260);
    const before = await marksOf(grid(page));
    expect(before.split(';')).toHaveLength(2);
    await first.close(); // the browser goes, mid-save: no waiting for anything

    const second = await launch();
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto('./?study=example');
    await expect(again.getByRole('heading', { name: 'Case 2 of 10' })).toBeVisible();
    await expect.poll(() => marksOf(grid(again))).toBe(before);
    await expect(again.getByLabel('Your diagnosis')).toHaveValue('RBBB');
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the viewer’s remembered split survives the browser closing (same profile reopened)', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const profile = mkdtempSync(path.join(tmpdir(), 'cineecg-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL,
      serviceWorkers: 'block',
      viewport: { width: 1280, height: 900 },
    });
  try {
    const first = await launch();
    const page = first.pages()[0] ?? (await first.newPage());
    await page.goto('./');
    const split = page.getByRole('separator');
    await expect(split).toBeVisible({ timeout: 60_000 });
    const start = Number(await split.getAttribute('aria-valuenow'));
    await split.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(split).toHaveAttribute('aria-valuenow', String(start + 10));
    await first.close();

    const second = await launch();
    const again = second.pages()[0] ?? (await second.newPage());
    await again.goto('./');
    await expect(again.getByRole('separator')).toHaveAttribute('aria-valuenow', String(start + 10), {
      timeout: 60_000,
    });
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

/** Runs in the page: puts `value` (its key inside it) into the study database's `work` store. */
async function putWork(page: Page, value: unknown): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cineecg-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('work', 'readwrite');
          tx.objectStore('work').put(value);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    value,
  );
}

async function getWork(page: Page, key: string): Promise<unknown> {
  return page.evaluate(
    (key) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('cineecg-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('work').objectStore('work').get(key);
          req.onsuccess = () => (open.result.close(), resolve(req.result));
        };
      }),
    key,
  );
}

test('an unparsable record injected into IndexedDB: reported on reload, its raw data offered for download, never wiped', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await startExample(page);
  await dragOnGrid(page, 0, 20, 120);
  await expect.poll(() => marksOf(grid(page))).not.toBe('');
  const garbage = {
    key: WORK_KEY,
    studyId: 'example-v1',
    expertId: 'dr-test',
    caseIndex: 0,
    file: {
      format: 'cineecg-annotations',
      version: 1,
      studyId: 'example-v1',
      expert: { id: 'dr-test', name: 'Dr Test' },
      cases: [{ caseId: 'case-01', segments: [{ modality: '12-lead', lead: 'V9', startMs: 'soon' }] }],
    },
  };
  await putWork(page, garbage);
  await page.reload();
  const bar = page.getByTestId('study-notice');
  await expect(bar).toContainText('Stored annotations:');
  await expect(bar).toContainText('Nothing was deleted: download the stored data below.');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    bar.getByRole('button', { name: 'Download the stored data' }).click(),
  ]);
  const saved = info.outputPath('stored-study-data.json');
  await download.saveAs(saved);
  expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({ key: WORK_KEY, file: garbage.file });
  // Trying to continue as the same expert is refused, so nothing overwrites the record.
  await expect(page.getByRole('heading', { name: /Case \d+ of 10/ })).toHaveCount(0);
  expect(await getWork(page, WORK_KEY)).toEqual(garbage);
});

test('a store of a newer schema version: reported with all of it offered as JSON; the database is left as it was', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  await page.goto('./cases/manifest.json'); // same origin, no app: nothing holds the database open
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cineecg-study', 42);
        open.onupgradeneeded = () => open.result.createObjectStore('future').put({ marks: ['I:1-2'] }, 'k');
        open.onsuccess = () => (open.result.close(), resolve());
        open.onerror = () => reject(open.error);
      }),
  );
  await page.goto('./?study=example');
  const bar = page.getByTestId('study-notice');
  await expect(bar).toContainText('The study data in this browser has a newer format than this app reads');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    bar.getByRole('button', { name: 'Download the stored data' }).click(),
  ]);
  const saved = info.outputPath('stored-study-data.json');
  await download.saveAs(saved);
  expect(JSON.parse(readFileSync(saved, 'utf8'))).toMatchObject({
    database: 'cineecg-study',
    version: 42,
    future: [{ key: 'k', value: { marks: ['I:1-2'] } }],
  });
  const version = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('cineecg-study');
        open.onsuccess = () => (resolve(open.result.version), open.result.close());
      }),
  );
  expect(version).toBe(42);
});
