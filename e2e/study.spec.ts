import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT, TEST_RESULTS } from './support/paths';
import { dragOnGrid, grid, gridPoint, marksOf, openFiles, startExample, track, trackPoint } from './study-support';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/cases/manifest.json'), 'utf8')) as {
  cases: { title: string }[];
};

test('blind mode shows "Case 1 of 10", the heart rate, the 12-lead window and a neutral 3D trajectory, and nothing of the label, prediction or model', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await startExample(page);
  await expect(page.getByTestId('heart-rate')).toHaveText(/Heart rate \d{2,3} bpm/);
  await expect(page.getByTestId('study-heart')).toHaveAttribute('data-heart-status', 'ready');
  await expect(page.getByTestId('study-heart')).toHaveAttribute('data-colored', 'neutral');
  for (let i = 0; i < 3; i++) {
    const text = await page.locator('body').innerText();
    for (const c of manifest.cases) expect(text).not.toContain(c.title);
    for (const word of [
      /\babnormal\b/i,
      /\bnormal\b/i,
      /predict/i,
      /attribution/i,
      /LAFB|LBBB|RBBB|fascicular|bundle branch|infarction/i,
      /Explanation ready/,
      /Φ/,
    ])
      expect(text).not.toMatch(word);
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByRole('heading', { name: `Case ${i + 2} of 10` })).toBeVisible();
    await expect(page.getByTestId('heart-rate')).toHaveText(/\d+ bpm/);
  }
  // No model, no worker, no explanation: nothing under models/ was fetched.
  expect(requests.filter((u) => /models\/|worker/i.test(u))).toEqual([]);
});

test('marking both modalities in order: 12-lead drags and clicks through the protocol, then the 3D time track', async ({
  page,
}) => {
  await startExample(page);
  // A 10 ms drag on V2 (row 7) inside the QRS region becomes 25 ms about its centre.
  await dragOnGrid(page, 7, 40, 50);
  await expect.poll(() => marksOf(grid(page))).toBe('V2:32.5-57.5');
  // A click on aVL (row 4) at 300 ms becomes ±10 ms.
  const p = await gridPoint(grid(page), 4, 300);
  await page.mouse.click(p.x, p.y);
  await expect(page.getByTestId('marks-12-lead').getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('marks-12-lead')).toContainText('aVL');
  await expect(page.getByTestId('marks-12-lead')).toContainText('(point ±10 ms)');
  // 3D is locked until the 12-lead is done (12-lead first).
  await expect(page.locator('.st-cine')).toHaveAttribute('data-marking', 'locked');
  const t = await trackPoint(page, 200);
  await page.mouse.click(t.x, t.y);
  expect(await marksOf(track(page))).toBe('');
  await page.getByRole('button', { name: '12-lead ECG done' }).click();
  await expect(page.locator('.st-cine')).toHaveAttribute('data-marking', 'open');
  const t2 = await trackPoint(page, 200); // the "finish the 12-lead first" note is gone: the track moved up
  await page.mouse.click(t2.x, t2.y);
  await expect.poll(() => marksOf(track(page))).toMatch(/^(189|19\d)-(209|21\d)$/);
  const a = await trackPoint(page, 250);
  const b = await trackPoint(page, 320);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('marks-cinecg').getByRole('listitem')).toHaveCount(2);
  // A case counts as finished once both modalities are done; until then it is "started".
  await expect(page.getByTestId('study-progress')).toHaveText('0/10 finished, 1 started');
  await page.getByRole('button', { name: '3D CineECG done' }).click();
  await expect(page.getByTestId('study-progress')).toHaveText('1/10 finished');
  // Select and delete a mark; undo and redo with the keyboard.
  await page
    .getByTestId('marks-12-lead')
    .getByRole('button', { name: /^Delete mark aVL/ })
    .click();
  await expect(page.getByTestId('marks-12-lead').getByRole('listitem')).toHaveCount(1);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('marks-12-lead').getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Control+Shift+Z');
  await expect(page.getByTestId('marks-12-lead').getByRole('listitem')).toHaveCount(1);
});

test('marking by keyboard: arrows move the cursor, Enter starts and ends a mark', async ({ page }) => {
  await startExample(page);
  await grid(page).focus();
  await page.keyboard.press('ArrowDown'); // lead II
  for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight'); // 100 ms
  await page.keyboard.press('Enter');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight'); // 150 ms
  await page.keyboard.press('Enter');
  await expect.poll(() => marksOf(grid(page))).toBe('II:100-150');
});

test('every mark survives closing the page mid-case', async ({ page, context }) => {
  await startExample(page);
  await page.getByRole('button', { name: 'Next →' }).click();
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByRole('heading', { name: 'Case 3 of 10' })).toBeVisible();
  await page.getByLabel('Your diagnosis').fill('LBBB?');
  await dragOnGrid(page, 0, 20, 120);
  await dragOnGrid(page, 11, 200, 300);
  const before = await marksOf(grid(page));
  expect(before.split(';')).toHaveLength(2);
  await page.close(); // right after the mark: no waiting for anything
  const again = await context.newPage();
  await again.goto('./?study=example');
  await expect(again.getByRole('heading', { name: 'Case 3 of 10' })).toBeVisible();
  await expect(again.getByTestId('expert-name')).toHaveText('Dr Test');
  await expect.poll(() => marksOf(grid(again))).toBe(before);
  await expect(again.getByLabel('Your diagnosis')).toHaveValue('LBBB?');
});

test('export JSON and CSV, a corrupt or other-version import changes nothing, and the JSON imports back exactly', async ({
  page,
}, info) => {
  await startExample(page);
  await dragOnGrid(page, 2, 10, 90);
  await page.getByLabel('Comments').fill('notched, "wide"');
  const [jsonDl] = await Promise.all([
    page.waitForEvent('download'),
    openFiles(page).then(() => page.getByRole('button', { name: 'Export JSON' }).click()),
  ]);
  const jsonPath = info.outputPath('export.json');
  await jsonDl.saveAs(jsonPath);
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(exported).toMatchObject({
    format: 'cineecg-annotations',
    version: 1,
    studyId: 'example-v1',
    expert: { id: 'dr-test', name: 'Dr Test' },
  });
  expect(exported.cases[0].segments[0]).toMatchObject({ modality: '12-lead', lead: 'III', startMs: 10, endMs: 90 });
  const [csvDl] = await Promise.all([
    page.waitForEvent('download'),
    openFiles(page).then(() => page.getByRole('button', { name: 'Export CSV' }).click()),
  ]);
  const csvPath = info.outputPath('export.csv');
  await csvDl.saveAs(csvPath);
  expect(readFileSync(csvPath, 'utf8')).toBe(
    'case,expert,modality,lead,start_ms,end_ms\ncase-01,dr-test,12-lead,III,10,90\n',
  );

  // Another version: refused with a clear message, nothing changed.
  const input = page.getByLabel('Import annotations (JSON or CSV)');
  const v2 = info.outputPath('v2.json');
  writeFileSync(v2, JSON.stringify({ ...exported, version: 2 }));
  await input.setInputFiles(v2);
  await expect(page.getByTestId('study-notice')).toContainText(
    'version 2 is not supported (this app reads version 1). Nothing was changed.',
  );
  await expect.poll(() => marksOf(grid(page))).toBe('III:10-90');
  const corrupt = info.outputPath('corrupt.json');
  writeFileSync(corrupt, readFileSync(jsonPath, 'utf8').slice(0, 80));
  await input.setInputFiles(corrupt);
  await expect(page.getByTestId('study-notice')).toContainText(
    'Annotation file: the annotation file is not valid JSON',
  );
  await expect.poll(() => marksOf(grid(page))).toBe('III:10-90');

  // Delete the mark, import the export: everything is back, and a new export is byte-identical.
  await page.getByRole('button', { name: /^Delete mark III/ }).click();
  await expect.poll(() => marksOf(grid(page))).toBe('');
  await input.setInputFiles(jsonPath);
  await expect(page.getByTestId('study-notice')).toContainText('Imported 1 marks on 1 cases by Dr Test');
  await expect.poll(() => marksOf(grid(page))).toBe('III:10-90');
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    openFiles(page).then(() => page.getByRole('button', { name: 'Export JSON' }).click()),
  ]);
  const againPath = info.outputPath('again.json');
  await again.saveAs(againPath);
  expect(readFileSync(againPath, 'utf8')).toBe(readFileSync(jsonPath, 'utf8'));
  // The CSV imports too (segments only: it carries no notes).
  await page.getByRole('button', { name: /^Delete mark III/ }).click();
  await input.setInputFiles(csvPath);
  await expect(page.getByTestId('study-notice')).toContainText('Imported 1 marks on 1 cases by Dr Test');
  await expect.poll(() => marksOf(grid(page))).toBe('III:10-90');
});

test('a made-up annotator is labelled as such wherever it appears', async ({ page }, info) => {
  await page.goto('./?study=example');
  await page
    .getByLabel('Import annotations (JSON or CSV)')
    .setInputFiles(path.join(REPO_ROOT, 'public/studies/example/annotations-made-up-a.json'));
  await expect(page.getByTestId('expert-name')).toHaveText(
    'Made-up annotator A · made-up annotations, not real experts',
  );
  await expect.poll(() => marksOf(grid(page))).toContain('V4:0-');
  void info;
});

test('the viewer links to study mode; a coordinator builds a study, exports it and opens it; a corrupt study file is refused', async ({
  page,
}, info) => {
  await page.goto('./');
  // The viewer's first load is busy (case, model, worker): give the click room on a loaded machine.
  await page.getByRole('link', { name: 'Study' }).click({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Blind expert annotation' })).toBeVisible();
  const corrupt = info.outputPath('bad.study.json');
  writeFileSync(corrupt, JSON.stringify({ format: 'cineecg-study', version: 9 }));
  await page.getByLabel('Open a study file').setInputFiles(corrupt);
  await expect(page.getByTestId('study-notice')).toContainText(
    'Study file: version: study file version 9 is not supported',
  );
  await expect(page.getByRole('heading', { name: 'Blind expert annotation' })).toBeVisible();

  await page.getByLabel('Title').fill('Pilot');
  await page
    .getByRole('checkbox', { name: /Normal ECG ·/ })
    .first()
    .check();
  await page.getByRole('checkbox', { name: /Complete left bundle branch block/ }).check();
  await page.getByRole('button', { name: /^Move Complete left bundle branch block up/ }).click();
  await expect(page.getByTestId('study-order').getByRole('listitem').first()).toContainText(
    'Complete left bundle branch block',
  );
  // A local record (all its files at once) is embedded in the study as base64, with the label the coordinator gives.
  await page.getByLabel('its label').selectOption('abnormal');
  const local = ['00195_hr.hea', '00195_hr.dat'].map((f) => path.join(REPO_ROOT, 'public/cases/ptbxl-00195', f));
  await page.getByLabel('Add a local record (all its files at once)').setInputFiles(local);
  await expect(page.getByTestId('study-order').getByRole('listitem')).toHaveCount(3);
  await expect(page.getByTestId('study-order')).toContainText(
    '00195_hr.hea, 00195_hr.dat · abnormal · local file, embedded',
  );
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export the study file' }).click(),
  ]);
  const file = info.outputPath('pilot.study.json');
  await dl.saveAs(file);
  const study = JSON.parse(readFileSync(file, 'utf8'));
  expect(study).toMatchObject({ format: 'cineecg-study', version: 1, title: 'Pilot', modalityOrder: '12-lead-first' });
  expect(study.cases.map((c: { id: string; label: string }) => [c.id, c.label])).toEqual([
    ['case-01', 'abnormal'],
    ['case-02', 'normal'],
    ['case-03', 'abnormal'],
  ]);
  const embedded = study.cases[2].source as { kind: string; files: { name: string; base64: string }[] };
  expect(embedded.kind).toBe('embedded');
  expect(embedded.files.map((f) => f.name)).toEqual(['00195_hr.hea', '00195_hr.dat']);
  expect(Buffer.from(embedded.files[1].base64, 'base64').equals(readFileSync(local[1]))).toBe(true);

  await page.getByRole('button', { name: 'Open it for annotation' }).click();
  await page.getByLabel('Your name').fill('A. Expert');
  await page.getByRole('button', { name: 'Start annotating' }).click();
  await expect(page.getByRole('heading', { name: 'Case 1 of 3' })).toBeVisible();
  // The embedded record opens from the study file itself.
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('heading', { name: 'Case 3 of 3' })).toBeVisible();
  await expect(page.getByTestId('heart-rate')).toHaveText(/Heart rate \d+ bpm/);
  await expect(grid(page)).toBeVisible();
});

test('blind mode screenshots at 1280×720 and 1920×1080', async ({ page }) => {
  for (const [w, h] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await startExample(page);
    await expect(page.getByTestId('study-heart')).toHaveAttribute('data-heart-status', 'ready');
    await dragOnGrid(page, 4, 20, 90);
    await page.getByRole('button', { name: '12-lead ECG done' }).click();
    const a = await trackPoint(page, 40);
    const b = await trackPoint(page, 110);
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
    await expect(page.getByTestId('study-heart')).toHaveAttribute('data-marks', '1');
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(TEST_RESULTS, `study-blind-${w}x${h}.png`) });
    // Everything needed to annotate is on the first screen: the grid, the 3D stage and the time track.
    for (const l of [grid(page), page.getByTestId('study-heart'), track(page)]) {
      const b = (await l.boundingBox())!;
      expect(b.y, 'starts on screen').toBeLessThan(h);
    }
    await page.evaluate(() => indexedDB.deleteDatabase('cineecg-study'));
  }
});
