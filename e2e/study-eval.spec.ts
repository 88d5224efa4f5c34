import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openFiles, startExample } from './study-support';
import { REPO_ROOT, TEST_RESULTS } from './support/paths';
import { expect, test } from '@playwright/test';

test('evaluation of the example study: made-up annotators labelled, quick IG attributions in the worker, Tables 1–5 and inter-expert agreement, Markdown export', async ({
  page,
}, info) => {
  test.setTimeout(600_000);
  // The coordinator's own entry (the expert's screens offer no evaluation), then a confirmation.
  await page.goto('./?study=example&evaluate');
  await page.getByRole('button', { name: 'I am the coordinator: open the evaluation' }).click();
  await expect(page.getByRole('heading', { name: 'Evaluation: explanations against the experts' })).toBeVisible();
  await expect(
    page.getByRole('checkbox', { name: /Made-up annotator A .*made-up annotations, not real experts/ }),
  ).toBeChecked();
  await expect(
    page.getByRole('checkbox', { name: /Made-up annotator B .*made-up annotations, not real experts/ }),
  ).toBeChecked();
  await page.getByRole('radio', { name: /^Quick/ }).check();
  const started = Date.now();
  await page.getByRole('button', { name: 'Compute the tables' }).click();
  await expect(page.getByTestId('eval-progress')).toBeVisible();
  await expect(page.getByTestId('eval-results')).toBeVisible({ timeout: 540_000 });
  info.annotations.push({
    type: 'quick evaluation, 10 cases, wall time',
    description: `${Math.round((Date.now() - started) / 1000)} s`,
  });
  await expect(page.getByTestId('eval-results')).toContainText('made-up annotations, not real experts');
  for (const id of ['table1', 'table2', 'table3', 'table4', 'table5'])
    await expect(page.getByTestId(`eval-${id}`)).toBeVisible();
  // Table 1 has a 12-lead and a CineECG row with a Dice mean and a BCa interval, and the paper's numbers beside.
  await expect(page.getByTestId('eval-table1').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('eval-table1').locator('tbody')).toContainText(/0\.\d\d \(0\.\d\d–[01]\.\d\d\)/);
  await expect(page.getByTestId('eval-inter-expert').locator('tbody tr')).toHaveCount(2);
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
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
    [
      'tsx',
      'scripts/cli.ts',
      'evaluate',
      '--study',
      'public/studies/example/study.json',
      '--annotations',
      'public/studies/example/annotations-made-up-a.json',
      'public/studies/example/annotations-made-up-b.json',
      '--methods',
      'ig',
      '--steps',
      '16',
      '--noise-samples',
      '0',
      '--faithfulness-steps',
      '0',
      '--markdown',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 400_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const rows = (t: string) => t.split('\n').filter((l) => l.startsWith('|'));
  expect(rows(text).length).toBeGreaterThan(20);
  expect(rows(text)).toEqual(rows(cli));
});

test('gating: the expert’s screens offer no evaluation; during a blind session the evaluation entry stays closed and fetches no model; after Switch expert it opens behind a confirmation', async ({
  page,
}, info) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('./?study=example');
  await expect(page.getByTestId('study-app')).toHaveAttribute('data-study-state', 'expert');
  await expect(page.getByRole('button', { name: /Evaluate/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Evaluate/ })).toHaveCount(0);
  await startExample(page);

  // An expert in blind mode who types the coordinator's entry gets a closed door: no tables, no model, no prediction.
  await page.goto('./?study=example&evaluate');
  await expect(page.getByTestId('study-app')).toHaveAttribute('data-study-state', 'evaluate-locked');
  await expect(page.getByTestId('evaluation-locked')).toContainText('Dr Test is annotating');
  await expect(page.getByRole('button', { name: /coordinator|Compute the tables/ })).toHaveCount(0);
  const text = await page.locator('body').innerText();
  for (const word of [
    /\babnormal\b/i,
    /LAFB|LBBB|RBBB|fascicular|bundle branch|infarction/i,
    /Dice/,
    /\d\.\d\d/,
    /\d+ ?%/,
  ])
    expect(text).not.toMatch(word);
  expect(requests.filter((u) => /models\/|worker/i.test(u))).toEqual([]);
  await page.screenshot({ path: info.outputPath('evaluation-locked.png') });
  await page.getByRole('button', { name: 'Back to the annotation' }).click();
  await expect(page.getByTestId('study-app')).toHaveAttribute('data-study-state', 'blind');
  expect(new URL(page.url()).search).toBe('?study=example');

  // The expert has finished and leaves their session: now the coordinator's entry opens, behind a confirmation.
  await openFiles(page);
  await page.getByRole('button', { name: 'Switch expert' }).click();
  await expect(page.getByTestId('study-app')).toHaveAttribute('data-study-state', 'expert');
  await page.goto('./?study=example&evaluate');
  await expect(page.getByTestId('study-app')).toHaveAttribute('data-study-state', 'evaluate');
  await expect(page.getByTestId('evaluation-confirm')).toContainText(
    'Experts who still annotate this study must not see it.',
  );
  await page.screenshot({ path: info.outputPath('evaluation-confirm.png') });
  await page.getByRole('button', { name: 'I am the coordinator: open the evaluation' }).click();
  await expect(page.getByRole('heading', { name: 'Evaluation: explanations against the experts' })).toBeVisible();
});
