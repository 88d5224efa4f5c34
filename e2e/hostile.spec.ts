import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { REPO_ROOT } from './support/paths';
import { readShownPrediction } from './support/predict';

/**
 * Hostile and broken files in the browser (issue 15): with a demo case open, each file is chosen (or dropped) and
 * must end in an error that names the file and the problem, quickly, while the open case stays intact — the same
 * title, the grid still drawn, the same prediction to the last digit.
 */
const FIXTURES = path.join(REPO_ROOT, 'src/core/ecg/__fixtures__/ptbxl');
const hea = readFileSync(path.join(FIXTURES, '00285_hr.hea'), 'utf8');
const dat = readFileSync(path.join(FIXTURES, '00285_hr.dat'));
const LEADS = 'I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6';
const row = '0.1,0.2,0.1,-0.15,0,0.15,0.3,0.4,0.5,0.6,0.5,0.4';

function npyHeader(shape: string): Buffer {
  let h = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shape}, }`;
  h += ' '.repeat(63 - ((10 + h.length) % 64)) + '\n';
  return Buffer.concat([
    Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, h.length & 0xff, h.length >> 8]),
    Buffer.from(h),
  ]);
}

interface Hostile {
  what: string;
  files: Array<{ name: string; buffer: Buffer }>;
  file: string;
  code: string;
  problem: RegExp;
}
const f = (name: string, buffer: Buffer | string) => ({
  name,
  buffer: typeof buffer === 'string' ? Buffer.from(buffer) : buffer,
});

const HOSTILE: Hostile[] = [
  {
    what: 'a truncated .dat',
    files: [f('00285_hr.hea', hea), f('00285_hr.dat', dat.subarray(0, 50_000))],
    file: '00285_hr.dat',
    code: 'truncated-data',
    problem: /header says 5000 samples/,
  },
  {
    what: 'a header naming itself as its data',
    files: [f('self.hea', hea.replace('00285_hr 12', 'self 12').replaceAll('00285_hr.dat', 'self.hea'))],
    file: 'self.hea',
    code: 'bad-header',
    problem: /a header cannot hold its own samples/,
  },
  {
    what: 'a header claiming 2⁵³ samples',
    files: [f('00285_hr.hea', hea.replace(/ 500 5000/, ' 500 9007199254740991')), f('00285_hr.dat', dat)],
    file: '00285_hr.hea',
    code: 'too-long',
    problem: /at most 600000 are accepted/,
  },
  {
    what: 'a gain of 10¹²',
    files: [f('00285_hr.hea', hea.replace(/1000\.0\(0\)/g, '1e12(0)')), f('00285_hr.dat', dat)],
    file: '00285_hr.hea',
    code: 'implausible-gain',
    problem: /gain 1000000000000/,
  },
  {
    what: 'a zero-length CSV',
    files: [f('empty.csv', '')],
    file: 'empty.csv',
    code: 'empty-file',
    problem: /the file is empty/,
  },
  {
    what: 'a CSV with 10⁶ columns',
    files: [f('wide.csv', `${'x,'.repeat(999_999)}x\n${'0,'.repeat(999_999)}0\n`)],
    file: 'wide.csv',
    code: 'too-many-channels',
    problem: /1000000 columns; at most 128/,
  },
  {
    what: 'NaN and Inf in a CSV',
    files: [f('nan.csv', `${LEADS}\n${Array(40).fill(row).join('\n')}\n${row.replace('0.3', 'NaN')}\n`)],
    file: 'nan.csv',
    code: 'non-finite-values',
    problem: /lead V1 has 1 missing or non-finite samples/,
  },
  {
    what: 'a .npy of 10⁹ × 12',
    files: [f('huge.npy', npyHeader('(1000000000, 12)'))],
    file: 'huge.npy',
    code: 'too-long',
    problem: /1000000000 rows/,
  },
  {
    what: 'random bytes named .dcm',
    files: [f('noise.dcm', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) & 0xff)))],
    file: 'noise.dcm',
    code: 'bad-dicom',
    problem: /not a readable DICOM file/,
  },
];

const ecg = (page: Page) => page.getByRole('img', { name: /12-lead ECG/ });
const shownP = (page: Page) => page.getByTestId('prediction').getAttribute('data-p-abnormal');

/** The open case as the user sees it: title, grid, prediction. */
async function snapshot(page: Page) {
  await expect(ecg(page)).toBeVisible();
  return { title: await page.getByTestId('case-title').innerText(), p: await shownP(page) };
}

async function expectRefusedKeepingCase(
  page: Page,
  before: { title: string; p: string | null },
  h: Pick<Hostile, 'file' | 'code' | 'problem'>,
  t0: number,
) {
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  const ms = Date.now() - t0;
  await expect(alert).toHaveAttribute('data-error-code', h.code);
  await expect(alert).toContainText(h.file);
  await expect(alert.locator('.error-message')).toContainText(h.problem);
  await expect(alert).toContainText('the case shown is unchanged');
  await expect(page.getByTestId('case-title')).toHaveText(before.title);
  await expect(ecg(page)).toBeVisible();
  expect(await shownP(page)).toBe(before.p);
  await expect(page.getByTestId('opening-files')).toHaveCount(0);
  return ms;
}

test('hostile files, chosen or dropped, are refused by name while the open case stays intact', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto('./');
  await readShownPrediction(page);
  const before = await snapshot(page);
  expect(before.p).toMatch(/^0\.\d+/);
  const timings: string[] = [];

  for (const h of HOSTILE) {
    await test.step(h.what, async () => {
      const t0 = Date.now();
      await page
        .getByTestId('open-files-input')
        .setInputFiles(h.files.map((x) => ({ ...x, mimeType: 'application/octet-stream' })));
      const ms = await expectRefusedKeepingCase(page, before, h, t0);
      expect(ms).toBeLessThan(5000); // hang guard: includes the transfer into the page
      timings.push(`${h.what}: ${ms} ms`);
    });
  }

  await test.step('a 65 MiB file dropped (made in the page) is refused by its size before it is read', async () => {
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(65 * 2 ** 20)], 'huge.dat'));
      return dt;
    });
    const t0 = Date.now();
    await page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await page.dispatchEvent('main', 'dragover', { dataTransfer });
    await page.dispatchEvent('main', 'drop', { dataTransfer });
    const ms = await expectRefusedKeepingCase(
      page,
      before,
      { file: 'huge.dat', code: 'file-too-large', problem: /65 MiB is more than the 64 MiB limit/ },
      t0,
    );
    timings.push(`65 MiB drop: ${ms} ms`);
  });

  await test.step('a good file afterwards still opens, and the error goes', async () => {
    await page
      .getByTestId('open-files-input')
      .setInputFiles([path.join(FIXTURES, '00285_hr.hea'), path.join(FIXTURES, '00285_hr.dat')]);
    await expect(page.getByTestId('case-title')).toHaveText('00285_hr.hea + 00285_hr.dat');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(ecg(page)).toBeVisible();
  });
  testInfo.annotations.push({ type: 'refusal times', description: timings.join('; ') });
  console.log(`hostile refusals: ${timings.join('; ')}`);
  expect(problems).toEqual([]);
});
