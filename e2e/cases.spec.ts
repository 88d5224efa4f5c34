import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { REPO_ROOT, TEST_RESULTS } from './support/paths';
import { type CliPrediction, cliPredict, readShownPrediction } from './support/predict';

/**
 * Case handling: the bundled cases (browser, ?case= links, reload, back), the user's own files (file
 * picker, drag-and-drop, .hea+.dat / .hea+.mat / .csv) through the same pipeline and model, and a broken
 * file that leaves the app usable. Predictions are checked against `cli predict` on the same bytes.
 */

const MODEL = 'models/ecg12/model.json';
const TOLERANCE = 1e-4;
const FIXTURES = 'src/core/ecg/__fixtures__';

interface ManifestCase {
  id: string;
  title: string;
  files: string[];
  creditShort: string;
  license: { name: string };
  modelSplit: 'train' | 'val' | 'test' | 'none';
  diagnosis: { statements: Array<{ code: string }> };
}
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/cases/manifest.json'), 'utf8')) as {
  cases: ManifestCase[];
};
/** What the case browser should say about each split (stated here, not imported from the app). */
const SPLIT_BADGE = {
  train: 'Seen in training',
  val: 'Not trained on (val)',
  test: 'Held out (test)',
  none: 'Not in model data',
};

const predictions = new Map<string, CliPrediction>();
const nodePrediction = (record: string): CliPrediction => {
  if (!predictions.has(record)) predictions.set(record, cliPredict(MODEL, record));
  return predictions.get(record)!;
};
const headerOf = (c: ManifestCase) => `public/cases/${c.id}/${c.files.find((f) => f.endsWith('.hea'))}`;

/** Rows for test-results/cases.json: what the app showed next to what Node computed. */
const rows: Array<{ case: string; title: string; split: string; pAbnormal: number; node: number; label: string }> = [];
test.afterAll(() => {
  if (rows.length > 0) writeFileSync(path.join(TEST_RESULTS, 'cases.json'), `${JSON.stringify(rows, null, 1)}\n`);
});

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message} ${e.stack ?? ''}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  return problems;
}

async function shoot(page: Page, testInfo: TestInfo, name: string, keep = false): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  if (keep) await page.screenshot({ path: path.join(TEST_RESULTS, `${name}.png`), fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The prediction panel's p(abnormal) equals `cli predict` on the same record. */
async function expectPredictionLike(page: Page, record: string): Promise<number> {
  const shown = await readShownPrediction(page);
  const node = nodePrediction(record);
  expect(
    Math.abs(shown.pAbnormal - node.pAbnormal),
    `p(abnormal) for ${record}: app ${shown.pAbnormal}, node ${node.pAbnormal}`,
  ).toBeLessThanOrEqual(TOLERANCE);
  expect(shown.label).toBe(node.label);
  return shown.pAbnormal;
}

/** The case list is a drop-down picker in the header: open it (a click on a case closes it again). */
async function openCasePicker(page: Page): Promise<void> {
  const picker = page.getByTestId('case-picker');
  if ((await picker.getAttribute('open')) === null) await picker.locator('summary').click();
  await expect(caseNav(page)).toBeVisible();
}
/** The list stays in the page while the picker is closed (hidden): attributes can be read, clicks need it open. */
const caseNav = (page: Page) => page.getByRole('navigation', { name: 'Demo cases', includeHidden: true });
const caseLink = (page: Page, title: string) =>
  caseNav(page).getByRole('link', { name: title, exact: true, includeHidden: true });
const ecg = (page: Page) => page.getByRole('img', { name: /12-lead ECG/ });

test('the case browser lists every bundled case; each one opens with its title, credit and a prediction', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const problems = watchProblems(page);
  await page.goto('./');
  const nav = caseNav(page);
  // The demo list itself; the picker also holds the synthetic family in its own section (e2e/synth.spec.ts).
  await expect(nav.locator(':scope > ul.case-list').getByRole('link', { includeHidden: true })).toHaveCount(
    manifest.cases.length,
  );
  expect(manifest.cases.length).toBeGreaterThanOrEqual(5);
  await expect(caseLink(page, manifest.cases[0].title)).toHaveAttribute('aria-current', 'page');

  await test.step('each entry: title, diagnosis, short credit and whether the model saw it', async () => {
    for (const c of manifest.cases) {
      const item = nav.locator(`[data-case-id="${c.id}"]`);
      await expect(item).toContainText(c.diagnosis.statements[0].code);
      await expect(item).toContainText(c.creditShort);
      await expect(item).toContainText(c.license.name);
      await expect(item).toContainText(SPLIT_BADGE[c.modelSplit]);
      await expect(caseLink(page, c.title)).toHaveAccessibleDescription(
        new RegExp(SPLIT_BADGE[c.modelSplit].replace(/[()]/g, '\\$&')),
      );
    }
  });
  await expectPredictionLike(page, headerOf(manifest.cases[0]));
  await openCasePicker(page);
  await shoot(page, testInfo, 'case-browser', true);

  // Every other case, then back to the first, by clicking its entry.
  for (const c of [...manifest.cases.slice(1), manifest.cases[0]]) {
    await test.step(`open ${c.id} (${c.title})`, async () => {
      await openCasePicker(page);
      await caseLink(page, c.title).click();
      await expect(page).toHaveURL(new RegExp(`[?&]case=${c.id}(&|$)`));
      await expect(page.getByTestId('case-title')).toHaveText(c.title);
      await expect(caseLink(page, c.title)).toHaveAttribute('aria-current', 'page');
      await expect(nav.locator('[aria-current]')).toHaveCount(1);
      await expect(page.getByTestId('case-credit')).toContainText(c.creditShort);
      await expect(page.getByTestId('case-credit')).toContainText(c.license.name);
      await expect(page.getByTestId('case-model-split')).toBeVisible();
      await expect(ecg(page)).toBeVisible();
      const p = await expectPredictionLike(page, headerOf(c));
      rows.push({
        case: c.id,
        title: c.title,
        split: c.modelSplit,
        pAbnormal: p,
        node: nodePrediction(headerOf(c)).pAbnormal,
        label: nodePrediction(headerOf(c)).label,
      });
      await shoot(page, testInfo, `case-${c.id}`);
    });
  }
  expect(problems).toEqual([]);
});

test('?case=<id> opens that case directly; reload keeps it; Back returns to the previous case; keyboard works', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const [first, second, third] = manifest.cases.slice(1);
  await page.goto(`./?case=${first.id}`);
  await expect(page.getByTestId('case-title')).toHaveText(first.title);
  await expect(caseLink(page, first.title)).toHaveAttribute('aria-current', 'page');
  await expect(ecg(page)).toBeVisible();

  await page.reload();
  await expect(page.getByTestId('case-title')).toHaveText(first.title);
  await expect(page).toHaveURL(new RegExp(`case=${first.id}`));

  // Keyboard: Tab reaches the links in order; Enter opens one.
  await openCasePicker(page);
  await caseLink(page, first.title).focus();
  await page.keyboard.press('Tab');
  await expect(caseLink(page, second.title)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('case-title')).toHaveText(second.title);
  await expect(page).toHaveURL(new RegExp(`case=${second.id}`));

  await openCasePicker(page);
  await caseLink(page, third.title).click();
  await expect(page.getByTestId('case-title')).toHaveText(third.title);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`case=${second.id}`));
  await expect(page.getByTestId('case-title')).toHaveText(second.title);
  await expect(caseLink(page, second.title)).toHaveAttribute('aria-current', 'page');
  await expectPredictionLike(page, headerOf(second));

  // A link is a real link: its address opens the case in a new page too.
  const href = await caseLink(page, third.title).getAttribute('href');
  expect(href).toContain(`case=${third.id}`);
});

test('on a narrow screen the case list wraps inside the page', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 900 });
  await page.goto('./');
  await expect(ecg(page)).toBeVisible();
  await openCasePicker(page);
  for (const c of manifest.cases) await expect(caseLink(page, c.title)).toBeInViewport({ ratio: 0.5 });
  await expect(page.getByRole('button', { name: 'Open files…' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('opening files from disk: .hea + .dat with "Open files…", .csv and .hea + .mat through the input', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await page.goto('./');
  await expect(ecg(page)).toBeVisible();
  await expect(page.getByTestId('local-files-note')).toContainText(
    'Files are read in this browser; nothing is uploaded',
  );

  await test.step('.hea + .dat (PTB-XL 100 Hz fixture) through the button and the file chooser', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open files…' }).click();
    const fc = await chooser;
    expect(fc.isMultiple()).toBe(true);
    await fc.setFiles([
      path.join(REPO_ROOT, FIXTURES, 'ptbxl/00001_lr.hea'),
      path.join(REPO_ROOT, FIXTURES, 'ptbxl/00001_lr.dat'),
    ]);
    await expect(page.getByTestId('case-title')).toHaveText('00001_lr.hea + 00001_lr.dat');
    await expect(page.getByTestId('local-record-facts')).toContainText('100 Hz · 10 s · 12 leads');
    await expect(page.getByTestId('case-credit')).toContainText('Your file');
    await expect(caseNav(page).locator('[aria-current]')).toHaveCount(0);
    expect(new URL(page.url()).searchParams.has('case')).toBe(false);
    await expect(ecg(page)).toBeVisible();
    await expectPredictionLike(page, `${FIXTURES}/ptbxl/00001_lr.hea`);
    await shoot(page, testInfo, 'local-wfdb', true);
  });

  await test.step('.csv made from a real record (PTB-XL 285, exact mV values) through the input', async () => {
    const csvPath = testInfo.outputPath('00285_hr.csv');
    writeFileSync(csvPath, wfdbToCsv(path.join(REPO_ROOT, FIXTURES, 'ptbxl/00285_hr')));
    await page.getByTestId('open-files-input').setInputFiles(csvPath);
    await expect(page.getByTestId('case-title')).toHaveText('00285_hr.csv');
    await expect(page.getByTestId('local-record-facts')).toContainText('CSV · 500 Hz · 10 s');
    await expect(ecg(page)).toBeVisible();
    const p = await expectPredictionLike(page, csvPath);
    // The same signal as the LAFB demo case: the same output.
    expect(Math.abs(p - nodePrediction(headerOf(manifest.cases[0])).pAbnormal)).toBeLessThanOrEqual(TOLERANCE);
  });

  await test.step('.hea + .mat (PhysioNet Challenge fixture), picked in the other order', async () => {
    await page
      .getByTestId('open-files-input')
      .setInputFiles([
        path.join(REPO_ROOT, FIXTURES, 'cinc/E07500.mat'),
        path.join(REPO_ROOT, FIXTURES, 'cinc/E07500.hea'),
      ]);
    await expect(page.getByTestId('case-title')).toHaveText('E07500.mat + E07500.hea');
    await expect(page.getByTestId('local-record-facts')).toContainText('Challenge');
    await expectPredictionLike(page, `${FIXTURES}/cinc/E07500.hea`);
  });
  expect(problems).toEqual([]);
});

test('drag-and-drop anywhere on the page shows an overlay and opens the dropped files', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const problems = watchProblems(page);
  await page.goto('./');
  await expect(ecg(page)).toBeVisible();
  const files = ['00001_lr.hea', '00001_lr.dat'].map((name) => ({
    name,
    b64: readFileSync(path.join(REPO_ROOT, FIXTURES, 'ptbxl', name)).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  const overlay = page.getByTestId('drop-overlay');

  await test.step('the overlay comes and goes with the drag', async () => {
    await expect(overlay).toHaveCount(0);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await expect(overlay).toBeVisible();
    await expect(overlay).toContainText('nothing is uploaded');
    await page.dispatchEvent('main', 'dragleave', { dataTransfer });
    await expect(overlay).toHaveCount(0);
  });

  await test.step('drop', async () => {
    await page.dispatchEvent('.case-summary', 'dragenter', { dataTransfer });
    await page.dispatchEvent('.case-summary', 'dragover', { dataTransfer });
    await expect(overlay).toBeVisible();
    await shoot(page, testInfo, 'drop-overlay', true);
    await page.dispatchEvent('.case-summary', 'drop', { dataTransfer });
    await expect(overlay).toHaveCount(0);
    await expect(page.getByTestId('case-title')).toHaveText('00001_lr.hea + 00001_lr.dat');
    await expect(ecg(page)).toBeVisible();
    await expectPredictionLike(page, `${FIXTURES}/ptbxl/00001_lr.hea`);
  });
  expect(problems).toEqual([]);
});

test('two records dropped at once: the first opens and the summary says so', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(ecg(page)).toBeVisible();
  const files = ['00285_hr.hea', '00285_hr.dat', '00001_lr.hea', '00001_lr.dat'].map((name) => ({
    name,
    b64: readFileSync(path.join(REPO_ROOT, FIXTURES, 'ptbxl', name)).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('case-title')).toHaveText('00001_lr.hea + 00001_lr.dat');
  await expect(page.getByTestId('record-pick')).toHaveText(
    '2 records were given at once: opened “00001_lr”. Open “00285_hr” on its own to see it.',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectPredictionLike(page, `${FIXTURES}/ptbxl/00001_lr.hea`);
});

test('a broken file shows the error naming it and keeps the open case; then a demo case, and another file, open again', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await expect(ecg(page)).toBeVisible();
  const titleBefore = await page.getByTestId('case-title').innerText();
  const dat = readFileSync(path.join(REPO_ROOT, FIXTURES, 'ptbxl/00285_hr.dat'));
  await page.getByTestId('open-files-input').setInputFiles([
    {
      name: '00285_hr.hea',
      mimeType: 'text/plain',
      buffer: readFileSync(path.join(REPO_ROOT, FIXTURES, 'ptbxl/00285_hr.hea')),
    },
    { name: '00285_hr.dat', mimeType: 'application/octet-stream', buffer: dat.subarray(0, 50_000) }, // cut short
  ]);
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  const code = await alert.getAttribute('data-error-code');
  expect(code).not.toBe('unexpected');
  await expect(alert).toContainText('00285_hr.dat');
  // Deliberately changed (issue 15): the refused file no longer replaces the open case, which stays drawn.
  await expect(page.getByTestId('case-title')).toHaveText(titleBefore);
  await expect(ecg(page)).toBeVisible();
  testInfo.annotations.push({
    type: 'error shown',
    description: `${code}: ${(await alert.innerText()).replace(/\s+/g, ' ')}`,
  });
  await shoot(page, testInfo, 'local-broken-file', true);

  const normal = manifest.cases[1];
  await openCasePicker(page);
  await caseLink(page, normal.title).click();
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId('case-title')).toHaveText(normal.title);
  await expect(ecg(page)).toBeVisible();
  await expectPredictionLike(page, headerOf(normal));

  await page
    .getByTestId('open-files-input')
    .setInputFiles([
      path.join(REPO_ROOT, FIXTURES, 'ptbxl/00285_hr.hea'),
      path.join(REPO_ROOT, FIXTURES, 'ptbxl/00285_hr.dat'),
    ]);
  await expect(page.getByTestId('case-title')).toHaveText('00285_hr.hea + 00285_hr.dat');
  await expect(ecg(page)).toBeVisible();
});

/** A WFDB format-16 record as the CSV the app reads: lead names, "# fs:", values in mV (exact: gain 1000/mV). */
function wfdbToCsv(recordPath: string): string {
  const lines = readFileSync(`${recordPath}.hea`, 'utf8')
    .trim()
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('#'));
  const [, nSig, fs, nSamples] = lines[0].split(/\s+/).map((v, i) => (i === 0 ? v : Number(v))) as [
    string,
    number,
    number,
    number,
  ];
  const signals = lines.slice(1, 1 + nSig).map((l) => {
    const f = l.split(/\s+/);
    const m = /^([\d.]+)(?:\((-?\d+)\))?/.exec(f[2]);
    if (f[1] !== '16' || !m) throw new Error(`not a plain format-16 signal line: ${l}`);
    return { name: f[8], gain: Number(m[1]), baseline: Number(m[2] ?? f[4]) };
  });
  const bytes = readFileSync(`${recordPath}.dat`);
  const out = ['# units: mV', `# fs: ${fs}`, signals.map((s) => s.name).join(',')];
  for (let n = 0; n < nSamples; n++) {
    out.push(
      signals.map((s, c) => ((bytes.readInt16LE((n * nSig + c) * 2) - s.baseline) / s.gain).toString()).join(','),
    );
  }
  return `${out.join('\n')}\n`;
}
