import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT } from './paths';

/** The part of `cli explain`'s JSON (and the app's Download JSON) the tests compare. */
export interface ExplainJson {
  method: string;
  attributions: number[][][];
  delta: [number, number];
  logits: [number, number];
  params: Record<string, unknown>;
  backend: string;
  ms: number;
}

/** Runs `cli explain` the way a user would and parses its JSON. */
export function cliExplain(recordPath: string, args: string[]): ExplainJson {
  const stdout = execFileSync('npx', ['tsx', 'scripts/cli.ts', 'explain', ...args, recordPath], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((l) => l.startsWith('{') && l.includes('"attributions"'));
  if (!line) throw new Error(`cli explain printed no explanation:\n${stdout.slice(0, 2000)}`);
  return JSON.parse(line) as ExplainJson;
}

/** Largest |a − b| over all classes, times and leads, relative to the largest |b|. */
export function maxRelativeDifference(a: number[][][], b: number[][][]): number {
  let diff = 0;
  let scale = 0;
  b.forEach((bk, k) =>
    bk.forEach((bt, t) =>
      bt.forEach((v, c) => {
        diff = Math.max(diff, Math.abs(a[k][t][c] - v));
        scale = Math.max(scale, Math.abs(v));
      }),
    ),
  );
  return diff / scale;
}

/** Opens the explanation drawer (model explained, parameters, map, timings) if it is closed. */
export async function openExplainDetails(page: Page): Promise<void> {
  const toggle = page.getByTestId('explain').getByRole('button', { name: /^(Details|Hide details)$/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(page.getByTestId('explain-drawer')).toBeVisible();
}

/** Closes the explanation drawer if it is open (it lies over the views). */
export async function closeExplainDetails(page: Page): Promise<void> {
  const toggle = page.getByTestId('explain').getByRole('button', { name: /^(Details|Hide details)$/ });
  if ((await toggle.getAttribute('aria-expanded')) === 'true') await toggle.click();
}

/** Sets the explain panel's method and numeric fields (empty string = default), as a user would. */
export async function chooseMethod(page: Page, method: RegExp, fields: Record<string, string> = {}): Promise<void> {
  const panel = page.getByTestId('explain');
  await panel.getByRole('radiogroup', { name: 'Attribution method' }).getByRole('radio', { name: method }).click();
  if (Object.keys(fields).length === 0) return;
  await openExplainDetails(page);
  for (const [label, value] of Object.entries(fields)) await panel.getByLabel(label, { exact: true }).fill(value);
  await closeExplainDetails(page);
}

/**
 * Clicks Explain and waits until this run is finished: a new row in the timings table (a status of "done" may
 * still be the previous run's; the table is in the closed drawer, so its rows are counted, not seen), or the
 * error it shows. Returns the run's wall time from that row, in ms.
 */
export async function runExplanation(page: Page, timeout: number): Promise<number> {
  const panel = page.getByTestId('explain');
  const rows = panel.locator('table.timings tbody tr');
  const before = await rows.count();
  await expect(panel.getByRole('button', { name: /^Explain with/ })).toBeEnabled({ timeout: 120_000 });
  await panel.getByRole('button', { name: /^Explain with/ }).click();
  await expect
    .poll(async () => (await rows.count()) > before || (await panel.getByRole('alert').count()) > 0, { timeout })
    .toBe(true);
  const alert = panel.getByRole('alert');
  if (await alert.count()) throw new Error(`the explanation failed: ${await alert.innerText()}`);
  await expect(panel.getByRole('status').filter({ hasText: 'Explanation ready' })).toBeAttached();
  return Number(await rows.nth(before).getAttribute('data-ms'));
}

/** Clicks Download JSON and reads the file the browser saved. */
export async function downloadedExplanation(page: Page): Promise<ExplainJson> {
  await openExplainDetails(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('explain').getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  const file = await download.path();
  return JSON.parse(readFileSync(file, 'utf8')) as ExplainJson;
}
