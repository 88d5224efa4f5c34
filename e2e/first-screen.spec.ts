import path from 'node:path';
import { expect, test } from '@playwright/test';
import { readCanvasData } from './support/canvasData';
import { cliInspect } from './support/cli';
import { TEST_RESULTS } from './support/paths';
import {
  bestColumn,
  countInRect,
  isDark,
  isMajorLine,
  isWindowEdge,
  meanRgb,
  readCanvas,
  runCentres,
  runCentresVertical,
} from './support/raster';

const CASE_HEADER = 'public/cases/ptbxl-00285/00285_hr.hea';
const STANDARD_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
/** What the issue asks for, stated independently of the app's code. */
const CSS_PX_PER_MM = 96 / 25.4;
const MM_PER_S = 25;
const MM_PER_MV = 10;

test('opens the demo case and draws 12 calibrated leads with the 400 ms window where cli inspect puts it', async ({
  page,
}, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });

  await page.goto('./');
  const canvas = page.getByRole('img', { name: /12-lead ECG/ });
  await expect(canvas).toBeVisible();
  await expect(page.locator('.app')).toHaveAttribute('data-case-status', 'ready');

  const shot = testInfo.outputPath('first-screen.png');
  await page.screenshot({ path: shot, fullPage: true });
  await page.screenshot({ path: path.join(TEST_RESULTS, 'first-screen.png'), fullPage: true });
  await testInfo.attach('first-screen', { path: shot, contentType: 'image/png' });

  await test.step('header: case, credit, license, caution, privacy', async () => {
    await expect(page.getByTestId('case-title')).toHaveText('Left anterior fascicular block (teaching case)');
    await expect(page.getByTestId('case-credit')).toContainText('PTB-XL 1.0.3');
    await expect(page.getByTestId('case-credit')).toContainText('CC BY 4.0');
    await expect(page.getByTestId('caution')).toContainText('Research tool, not a diagnosis');
    await expect(page.getByTestId('privacy-note')).toContainText('Your files never leave this browser');
  });

  const data = await readCanvasData(canvas);
  const label = (await canvas.getAttribute('aria-label')) ?? '';

  await test.step('the 12 leads are listed in the canvas data and its accessible name', async () => {
    expect(data.leads).toEqual(STANDARD_LEADS);
    expect(label).toContain(`Leads ${STANDARD_LEADS.join(', ')}.`);
    expect(data.rowBaselinesY).toHaveLength(12);
  });

  await test.step('calibration: 25 mm/s, 10 mm/mV, CSS millimetres', async () => {
    expect(data.pxPerMm).toBeCloseTo(CSS_PX_PER_MM, 6);
    expect(data.pxPerMs).toBeCloseTo((MM_PER_S * CSS_PX_PER_MM) / 1000, 6);
    expect(data.pxPerMv).toBeCloseTo(MM_PER_MV * CSS_PX_PER_MM, 6);
    expect(data.durationMs).toBe(10_000);
  });

  const r = await readCanvas(canvas);
  const s = r.scale; // device px per CSS px
  const mm = data.pxPerMm * s; // device px per mm
  const xOf = (ms: number): number => (data.originX + ms * data.pxPerMs) * s;
  const x0 = xOf(data.windowStartMs);
  const x1 = xOf(data.windowStartMs + data.windowMs);
  const endX = xOf(data.durationMs);
  const gridTop = data.gridTop * s;
  const gridBottom = data.gridBottom * s;
  const measured: Record<string, unknown> = { deviceScale: s, windowStartMs: data.windowStartMs };

  await test.step('a trace is drawn on each of the 12 rows, across the whole record', async () => {
    const perRow = data.rowBaselinesY.map((yCss, i) => {
      const y = yCss * s;
      const ink = countInRect(r, xOf(0), endX, y - 7.5 * mm, y + 7.5 * mm, isDark);
      // Columns with ink within ±3 mm (0.3 mV) of this row's baseline: the row's own trace, not a neighbour's.
      let covered = 0;
      let columns = 0;
      for (let x = Math.ceil(xOf(0)); x < endX; x++, columns++) {
        if (countInRect(r, x, x, y - 3 * mm, y + 3 * mm, isDark) > 0) covered++;
      }
      return { lead: STANDARD_LEADS[i], ink, coverage: covered / columns };
    });
    measured.rows = perRow;
    for (const row of perRow) {
      expect.soft(row.ink, `ink pixels on row ${row.lead}`).toBeGreaterThan(800); // ≥ one inked pixel per column of the record, roughly
      expect.soft(row.coverage, `share of columns with ink near the ${row.lead} baseline`).toBeGreaterThan(0.6);
    }
  });

  await test.step('calibration pulse is 10 mm tall and 5 mm (200 ms) wide', async () => {
    const y = data.rowBaselinesY[0] * s;
    // Along the top of the pulse only its top edge is inked: find its y.
    const topRun = runCentresVertical(r, 12.5 * mm, y - 12.5 * mm, y + 2.5 * mm, isDark);
    // Halfway up, only the rise and the fall are inked: find their x.
    const sides = runCentres(r, 8 * mm, 18 * mm, Math.round(y - 5 * mm), isDark);
    measured.pulse = {
      heightPx: y - topRun[0],
      widthPx: sides[1] - sides[0],
      expectedHeightPx: 10 * mm,
      expectedWidthPx: 5 * mm,
    };
    expect(topRun).toHaveLength(1);
    expect(Math.abs(y - topRun[0] - 10 * mm)).toBeLessThanOrEqual(1.5);
    expect(sides).toHaveLength(2);
    expect(Math.abs(sides[1] - sides[0] - 5 * mm)).toBeLessThanOrEqual(1.5);
  });

  await test.step('major grid lines every 5 mm, aligned with t = 0', async () => {
    const y = Math.round(gridBottom - 2.5 * mm); // midway between two horizontal lines, below the last trace
    const centres = runCentres(r, 0, r.width - 1, y, isMajorLine).filter((c) => c < x0 - mm || c > x1 + mm);
    const gaps = centres
      .slice(1)
      .map((c, i) => c - centres[i])
      .filter((g) => g < 7.5 * mm);
    measured.majorGapPx = { min: Math.min(...gaps), max: Math.max(...gaps), expected: 5 * mm };
    expect(gaps.length).toBeGreaterThan(30);
    for (const g of gaps) expect(Math.abs(g - 5 * mm)).toBeLessThanOrEqual(1.5);
    expect(Math.min(...centres.map((c) => Math.abs(c - xOf(0))))).toBeLessThanOrEqual(1);
  });

  await test.step('window band edges sit at windowStartMs and windowStartMs + 400 ms', async () => {
    const left = bestColumn(r, x0 - 8, x0 + 8, gridTop, gridBottom, isWindowEdge);
    const right = bestColumn(r, x1 - 8, x1 + 8, gridTop, gridBottom, isWindowEdge);
    measured.windowEdges = { expected: [x0, x1], found: [left.x, right.x] };
    expect(Math.abs(left.x - x0)).toBeLessThanOrEqual(1.5);
    expect(Math.abs(right.x - x1)).toBeLessThanOrEqual(1.5);
    // The edge runs the full height of the grid (bar where a trace crosses it).
    expect(left.count).toBeGreaterThan(0.8 * (gridBottom - gridTop));
    expect(right.count).toBeGreaterThan(0.8 * (gridBottom - gridTop));
  });

  await test.step('inside the band the paper is tinted; just outside it is not (same y, no ink)', async () => {
    const w = 4 * mm;
    const gap = 3;
    const diffs: number[] = [];
    for (let y = Math.ceil(gridTop) + 1; y < gridBottom - 1; y++) {
      for (const [inA, inB, outA, outB] of [
        [x0 + gap, x0 + gap + w, x0 - gap - w, x0 - gap],
        [x1 - gap - w, x1 - gap, x1 + gap, x1 + gap + w],
      ]) {
        if (countInRect(r, Math.min(inA, outA), Math.max(inB, outB), y, y, isDark) > 0) continue; // a trace: not empty
        const inside = meanRgb(r, inA, inB, y);
        const outside = meanRgb(r, outA, outB, y);
        diffs.push(inside[2] - inside[0] - (outside[2] - outside[0])); // blueness gained inside
      }
    }
    diffs.sort((a, b) => a - b);
    measured.tint = {
      samples: diffs.length,
      p10: diffs[Math.floor(diffs.length * 0.1)],
      median: diffs[diffs.length >> 1],
    };
    expect(diffs.length).toBeGreaterThan(200);
    expect(diffs[Math.floor(diffs.length * 0.1)]).toBeGreaterThan(8);
  });

  await test.step('a tick above the grid at every QRS onset', async () => {
    expect(data.qrsOnsetsMs.length).toBeGreaterThan(3);
    expect(data.qrsOnsetsMs).toContain(data.windowStartMs);
    for (const ms of data.qrsOnsetsMs) {
      const hit = bestColumn(r, xOf(ms) - 2, xOf(ms) + 2, gridTop - 2.5 * mm, gridTop - 1 * mm, isDark);
      expect.soft(hit.count, `tick at ${ms} ms`).toBeGreaterThan(2);
    }
  });

  await test.step('the window is where `cli inspect` says, and so is the caption', async () => {
    const cli = cliInspect(CASE_HEADER);
    measured.cli = { windowStartMs: cli.windowStartMs, qrsOnsetsMs: cli.qrsOnsetsMs };
    expect(data.windowStartMs).toBe(cli.windowStartMs);
    expect(data.qrsOnsetsMs).toEqual(cli.qrsOnsetsMs);
    expect(cli.leads).toEqual(STANDARD_LEADS);
    const start = Math.round(cli.windowStartMs);
    await expect(page.getByTestId('window-caption')).toContainText(`QRS-T window: ${start}–${start + 400} ms`);
  });

  await test.step('the trace toggle switches to the signal as recorded, keeping the calibration', async () => {
    await page.getByRole('radio', { name: 'As recorded' }).click();
    await expect(canvas).toHaveAttribute('data-trace', 'recorded');
    await expect(canvas).toHaveAttribute('aria-label', /as recorded/);
    expect((await readCanvasData(canvas)).pxPerMs).toBe(data.pxPerMs);
    await page.getByRole('radio', { name: /Filtered/ }).click();
    await expect(canvas).toHaveAttribute('data-trace', 'filtered');
  });

  await testInfo.attach('measurements', { body: JSON.stringify(measured, null, 2), contentType: 'application/json' });
  console.log(`measurements: ${JSON.stringify(measured)}`);
  expect(problems).toEqual([]);
});

test('on a narrow screen the paper scrolls sideways instead of shrinking', async ({ page }) => {
  await page.setViewportSize({ width: 720, height: 900 });
  await page.goto('./');
  const canvas = page.getByRole('img', { name: /12-lead ECG/ });
  await expect(canvas).toBeVisible();
  const data = await readCanvasData(canvas);
  expect(data.pxPerMm).toBeCloseTo(CSS_PX_PER_MM, 6);
  const box = await canvas.boundingBox();
  expect(box?.width).toBeCloseTo(275 * CSS_PX_PER_MM, -1); // 20 mm margin + 250 mm record + 5 mm
  const scroller = page.locator('.ecg-scroll');
  const { scrollWidth, clientWidth } = await scroller.evaluate((el) => ({
    scrollWidth: el.scrollWidth,
    clientWidth: el.clientWidth,
  }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  const pageOverflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(pageOverflow).toBeLessThanOrEqual(0); // only the paper scrolls, not the page
});
