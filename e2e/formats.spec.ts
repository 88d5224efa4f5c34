import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { REPO_ROOT } from './support/paths';
import { cliPredict, readShownPrediction } from './support/predict';

/**
 * The files hospitals have (issue 18) and NumPy arrays (issue 14) in the real browser: DICOM, SCP-ECG, HL7 aECG,
 * GE MUSE and Philips XML samples from ../shared/data/formats open through the file input with the device's
 * report shown apart from the model; the DICOM parser is fetched only when a DICOM file is opened; a z-scored
 * .npy opens with the rate and checkbox asked in the panel; a record is saved as CSV.
 */

const DATA = process.env.ECG_DATA_DIR ?? path.resolve(REPO_ROOT, '../shared/data');
const haveData = existsSync(path.join(DATA, 'formats'));
const MODEL = 'models/ecg12/model.json';
const TOLERANCE = 1e-4;

const facts = (page: Page) => page.getByTestId('local-record-facts');

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  return problems;
}

test.skip(!haveData, `the clinical-format samples are in ${DATA}/formats, which is absent`);

test('clinical formats open in the browser; the device says its part apart from the model', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = watchProblems(page);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('./');
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible();
  const dicomChunk = () => scripts.filter((u) => /dicom/i.test(u));
  expect(dicomChunk(), 'the DICOM parser is not part of the first load').toEqual([]);

  await test.step('DICOM (1000 Hz, Mortara): facts, device statements, the same prediction as cli predict', async () => {
    const file = path.join(DATA, 'formats/dicom/waveform_ecg.dcm');
    await page.getByTestId('open-files-input').setInputFiles(file);
    await expect(page.getByTestId('case-title')).toHaveText('waveform_ecg.dcm');
    await expect(facts(page)).toContainText('DICOM waveform · 1000 Hz · 10 s');
    const says = page.getByTestId('device-says');
    await expect(says).toContainText('The device says');
    await expect(page.getByTestId('device-statements')).toContainText('RITMO SINUSALE');
    await expect(page.getByTestId('device-measurements')).toContainText('QRS Duration 75 ms');
    await expect(page.getByTestId('device-source')).toContainText('Mortara');
    // Kept apart: the model's panel does not contain the device's words, nor the other way round.
    await expect(page.getByTestId('prediction')).not.toContainText('RITMO');
    await expect(says).not.toContainText('p(abnormal)');
    const shown = await readShownPrediction(page);
    const node = cliPredict(MODEL, file);
    expect(Math.abs(shown.pAbnormal - node.pAbnormal)).toBeLessThanOrEqual(TOLERANCE);
    expect(dicomChunk().length, 'the DICOM parser was fetched on demand').toBeGreaterThan(0);
  });

  // Every other sample file: it opens, with its rate and length, and the model gives a prediction.
  for (const [rel, text] of [
    ['dicom/ecgtoolkit_Example.dcm', 'DICOM waveform · 500 Hz · 10 s'],
    ['scp-ecg/ecgtoolkit_Example.scp', 'SCP-ECG · 500 Hz · 10 s'],
    ['hl7-aecg/HL7_Example_aECG.xml', 'HL7 aECG · 500 Hz · 10 s'],
    ['ge-muse/braveheart_example2.xml', 'GE MUSE XML · 500 Hz · 10 s'],
    ['ge-muse/braveheart_example3.xml', 'GE MUSE XML · 500 Hz · 10 s'],
    ['philips/sierra_1-03_129DYPRG.xml', 'Philips XML · 500 Hz · 11 s'],
    ['philips/sierra_1-04_ad4d3d80-d165.xml', 'Philips XML · 500 Hz · 11 s'],
    ['philips/sierra_1-04_3191723_ZZDEMOPTONLY.xml', 'Philips XML · 500 Hz · 11 s'],
  ] as const) {
    await test.step(rel, async () => {
      await page.getByTestId('open-files-input').setInputFiles(path.join(DATA, 'formats', rel));
      await expect(page.getByTestId('case-title')).toHaveText(path.basename(rel));
      await expect(facts(page)).toContainText(text);
      await readShownPrediction(page);
    });
  }
  await expect(facts(page)).not.toContainText('derived');
  await page.getByTestId('open-files-input').setInputFiles(path.join(DATA, 'formats/ge-muse/braveheart_example1.xml'));
  await expect(facts(page)).toContainText('derived: III, aVR, aVL, aVF');
  expect(problems).toEqual([]);
});

test('a z-scored .npy opens with the rate and checkbox asked in the panel, and predicts like cli predict --zscored', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const npy = path.join(DATA, 'ptbxl-zscored/arrays/10010.npy');
  await page.goto('./');
  const options = page.getByTestId('npy-options');
  await options.locator('summary').click(); // folded beside "Open files…" so the header stays one line
  await expect(options.getByLabel('.npy sampling rate in Hz')).toHaveValue('500');
  await options.getByRole('checkbox').check();
  await page.getByTestId('open-files-input').setInputFiles(npy);
  await expect(facts(page)).toContainText('NumPy .npy · 500 Hz · 10 s');
  await expect(page.locator('.record-notes')).toContainText('z-scores, not mV');
  await expect(page.getByTestId('save-record')).toHaveCount(0); // no millivolts to save
  await expect(page.getByTestId('rate-check')).toHaveCount(0); // 109 bpm at 500 Hz: nothing to question
  // Drawn per standard deviation, at 2.5 mm/SD so the rows do not pile up, and the legend says so.
  await expect(page.getByTestId('zscored-legend')).toContainText('2.5 mm/SD · 1 SD pulse · z-scores, not mV');
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toHaveAttribute('data-mm-per-mv', '2.5');
  await expect(page.getByLabel('Gain')).toHaveValue('2.5');
  const shown = await readShownPrediction(page);
  const out = execFileSync('npx', ['tsx', 'scripts/cli.ts', 'predict', '--zscored', npy], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const node = JSON.parse(out.split('\n').find((l) => l.includes('"pAbnormal"'))!) as { pAbnormal: number };
  expect(Math.abs(shown.pAbnormal - node.pAbnormal)).toBeLessThanOrEqual(TOLERANCE);

  // The same array at a rate the user types: the record says 250 Hz and lasts 20 s.
  await options.getByLabel('.npy sampling rate in Hz').fill('250');
  await page.getByTestId('open-files-input').setInputFiles(npy);
  await expect(facts(page)).toContainText('250 Hz · 20 s');
  // Typed as 1000 Hz, the heart rate would be 218 bpm: the app asks to check the rate, naming the one that fits.
  await options.getByLabel('.npy sampling rate in Hz').fill('1000');
  await page.getByTestId('open-files-input').setInputFiles(npy);
  await expect(facts(page)).toContainText('1000 Hz · 5 s');
  await expect(page.getByTestId('rate-check')).toContainText(/At 1000 Hz the heart rate is 2\d\d bpm/);
  await expect(page.getByTestId('rate-check')).toContainText(/at 500 Hz it would be 1\d\d bpm/);

  // A record in mV afterwards goes back to 10 mm/mV.
  await page.getByTestId('open-files-input').setInputFiles(path.join(DATA, 'formats/scp-ecg/ecgtoolkit_Example.scp'));
  await expect(facts(page)).toContainText('SCP-ECG');
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toHaveAttribute('data-mm-per-mv', '10');
  await expect(page.getByTestId('zscored-legend')).toHaveCount(0);
});

test('Save as CSV downloads the record in mV, readable by our CSV reader', async ({ page }, testInfo) => {
  await page.goto('./');
  await page.getByTestId('open-files-input').setInputFiles(path.join(DATA, 'formats/scp-ecg/ecgtoolkit_Example.scp'));
  await expect(facts(page)).toContainText('SCP-ECG');
  await page.locator('.case-details > summary').click(); // the compact case strip keeps the record's details folded
  const download = page.waitForEvent('download');
  await page.getByTestId('save-record').getByRole('button', { name: 'CSV' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('ecgtoolkit_Example.csv');
  const file = testInfo.outputPath('saved.csv');
  await d.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text.split('\n').slice(0, 5)).toEqual([
    '# fs: 500',
    '# units: mV',
    '# exported by CineECG Explorer from SCP-ECG (ecgtoolkit_Example.scp)',
    'I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6',
    expect.stringMatching(/^-?\d+\.\d{4}(,-?\d+\.\d{4}){11}$/),
  ]);
  expect(text.trim().split('\n')).toHaveLength(4 + 5000);
  const inspect = JSON.parse(
    execFileSync('npx', ['tsx', 'scripts/cli.ts', 'inspect', file], { cwd: REPO_ROOT, encoding: 'utf8' }),
  );
  const original = JSON.parse(
    execFileSync(
      'npx',
      ['tsx', 'scripts/cli.ts', 'inspect', path.join(DATA, 'formats/scp-ecg/ecgtoolkit_Example.scp')],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    ),
  );
  expect(inspect.windowStartMs).toBe(original.windowStartMs);
});
