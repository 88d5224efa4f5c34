import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TEST_RESULTS } from './support/paths';
import { expect, test } from '@playwright/test';

test('evaluation of the example study: made-up annotators labelled, quick IG attributions in the worker, Tables 1–5 and inter-expert agreement, Markdown export', async ({ page }, info) => {
  test.setTimeout(600_000);
  await page.goto('./?study=example');
  await page.getByRole('button', { name: 'Evaluate: Tables 1–5…' }).click();
  await expect(page.getByRole('heading', { name: 'Evaluation: explanations against the experts' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Made-up annotator A .*made-up annotations, not real experts/ })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: /Made-up annotator B .*made-up annotations, not real experts/ })).toBeChecked();
  await page.getByRole('radio', { name: /^Quick/ }).check();
  const started = Date.now();
  await page.getByRole('button', { name: 'Compute the tables' }).click();
  await expect(page.getByTestId('eval-progress')).toBeVisible();
  await expect(page.getByTestId('eval-results')).toBeVisible({ timeout: 540_000 });
  info.annotations.push({ type: 'quick evaluation, 10 cases, wall time', description: `${Math.round((Date.now() - started) / 1000)} s` });
  await expect(page.getByTestId('eval-results')).toContainText('made-up annotations, not real experts');
  for (const id of ['table1', 'table2', 'table3', 'table4', 'table5']) await expect(page.getByTestId(`eval-${id}`)).toBeVisible();
  // Table 1 has a 12-lead and a CineECG row with a Dice mean and a BCa interval, and the paper's numbers beside.
  await expect(page.getByTestId('eval-table1').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('eval-table1').locator('tbody')).toContainText(/0\.\d\d \(0\.\d\d–[01]\.\d\d\)/);
  await expect(page.getByTestId('eval-inter-expert').locator('tbody tr')).toHaveCount(2);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
  const md = info.outputPath('tables.md');
  await dl.saveAs(md);
  copyFileSync(md, path.join(TEST_RESULTS, 'study-example-tables-quick.md'));
  const text = readFileSync(md, 'utf8');
  expect(text).toContain('made up for demonstration');
  expect(text).toMatch(/\| Dice Score \|/);
  await page.screenshot({ path: info.outputPath('evaluation.png'), fullPage: true });

  // The same code in Node: `cli evaluate` at the same budget prints the same tables, number for number.
  const cli = execFileSync(
    'npx',
    ['tsx', 'scripts/cli.ts', 'evaluate', '--study', 'public/studies/example/study.json', '--annotations', 'public/studies/example/annotations-made-up-a.json', 'public/studies/example/annotations-made-up-b.json', '--methods', 'ig', '--steps', '16', '--noise-samples', '0', '--faithfulness-steps', '0', '--markdown'],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 400_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const rows = (t: string) => t.split('\n').filter((l) => l.startsWith('|'));
  expect(rows(text).length).toBeGreaterThan(20);
  expect(rows(text)).toEqual(rows(cli));
});
