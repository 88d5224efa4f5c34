import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { chooseMethod, runExplanation } from './support/explain';
import { TEST_RESULTS } from './support/paths';

/** What one read of the WebGL canvas tells (computed in the page: the raw pixels stay there). */
interface Snap {
  width: number;
  height: number;
  distinctColors: number;
  /** Share of pixels that are not the white background. */
  inked: number;
}

/**
 * Copies the heart canvas (preserveDrawingBuffer keeps its last frame) into a 2D canvas, keeps the pixels in the
 * page under `name` for later diffs, and returns summary numbers.
 */
async function snap(page: Page, name: string): Promise<Snap> {
  return page.evaluate((name) => {
    const gl = document.querySelector<HTMLCanvasElement>('.heart-stage canvas');
    if (!gl) throw new Error('no heart canvas');
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(gl, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const w = window as unknown as { __heart?: Record<string, Uint8ClampedArray> };
    (w.__heart ??= {})[name] = d;
    const colors = new Set<number>();
    let inked = 0;
    for (let i = 0; i < d.length; i += 4) {
      const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
      colors.add((r << 16) | (g << 8) | b);
      if (r < 245 || g < 245 || b < 245) inked++;
    }
    return { width: c.width, height: c.height, distinctColors: colors.size, inked: inked / (d.length / 4) };
  }, name);
}

/** Pixels whose colour differs by more than 24 (sum of |ΔR|+|ΔG|+|ΔB|) between two snaps. */
async function changedPixels(page: Page, a: string, b: string): Promise<number> {
  return page.evaluate(
    ([a, b]) => {
      const s = (window as unknown as { __heart: Record<string, Uint8ClampedArray> }).__heart;
      const [x, y] = [s[a], s[b]];
      if (x.length !== y.length) throw new Error(`snaps ${a} and ${b} differ in size`);
      let n = 0;
      for (let i = 0; i < x.length; i += 4)
        if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 24) n++;
      return n;
    },
    [a, b] as const,
  );
}

/** Runs `action` and waits until the canvas has drawn a frame after it (frameloop 'demand' draws on change only). */
async function afterFrame(stage: Locator, action: () => Promise<unknown>): Promise<void> {
  const before = Number((await stage.getAttribute('data-frames')) ?? 0);
  await action();
  await expect.poll(async () => Number((await stage.getAttribute('data-frames')) ?? 0)).toBeGreaterThan(before);
}

/** One read of the QRS label against the canvas, in a single page task (so no layout change can fall between the reads). */
interface LabelRead {
  /** Distance of the label's box from the canvas centre, CSS px. */
  gap: number;
  /** The label's anchor (where the QRS starts on screen) minus the canvas centre, CSS px. */
  anchorOff: [number, number];
  visible: boolean;
  canvas: string;
  label: string;
}

async function readQrsLabel(page: Page): Promise<LabelRead> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.heart-stage canvas')!.getBoundingClientRect();
    const el = [...document.querySelectorAll<HTMLElement>('.heart-label-segment')].find((e) =>
      e.textContent?.startsWith('QRS'),
    )!;
    const box = el.getBoundingClientRect();
    const [cx, cy] = [canvas.x + canvas.width / 2, canvas.y + canvas.height / 2];
    const gapX = Math.max(box.x - cx, cx - (box.x + box.width), 0);
    const gapY = Math.max(box.y - cy, cy - (box.y + box.height), 0);
    const [ax, ay] = String(el.dataset.anchor).split(',').map(Number);
    const r = (b: DOMRect) => [b.x, b.y, b.width, b.height].map((v) => v.toFixed(1)).join(',');
    return {
      gap: Math.hypot(gapX, gapY),
      anchorOff: [canvas.x + ax - cx, canvas.y + ay - cy] as [number, number],
      visible: el.style.visibility !== 'hidden',
      canvas: r(canvas),
      label: r(box),
    };
  });
}

/**
 * The mTSI starts at the frame's origin, which every anatomical preset and the orbit keep at the canvas centre: the
 * "QRS · 0" label must sit beside it after each camera move: 6–28 px off the anchor on whichever side (right, left,
 * above, below) keeps it off the trajectory. Polled: the labels are placed per drawn frame, and a frame drawn while the
 * canvas was being resized (its CSS box and the renderer's size differ for one frame) is followed by one that is not.
 */
async function expectQrsLabelAtCentre(page: Page): Promise<void> {
  let last: LabelRead | undefined;
  await expect
    .poll(
      async () => {
        last = await readQrsLabel(page);
        return (
          last.visible &&
          last.gap <= 30 && // 6, 16 or 28 px from its anchor, ±2 px
          Math.abs(last.anchorOff[0]) <= 2 &&
          Math.abs(last.anchorOff[1]) <= 2
        );
      },
      { message: 'the QRS label sits beside the canvas centre', timeout: 5_000 },
    )
    .toBe(true)
    .catch((e: Error) => {
      throw new Error(`${e.message}\nlast read: ${JSON.stringify(last)}`);
    });
}

async function openHeart(page: Page): Promise<Locator> {
  await page.goto('./');
  await expect(page.locator('.app')).toHaveAttribute('data-case-status', 'ready');
  const stage = page.getByRole('img', { name: /^3D heart/ });
  await stage.scrollIntoViewIfNeeded();
  await expect(stage).toHaveAttribute('data-heart-status', 'ready', { timeout: 30_000 });
  await expect
    .poll(async () => Number((await stage.getAttribute('data-frames')) ?? 0), { timeout: 30_000 })
    .toBeGreaterThan(0);
  return stage;
}

test('the 3D heart view: geometry and trajectory drawn, presets and drag rotate, the slider and playback move the marker', async ({
  page,
}, testInfo) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  const stage = await openHeart(page);
  const panel = page.getByTestId('heart-panel');
  const measured: Record<string, unknown> = {};
  const attach = async (name: string) => {
    const file = testInfo.outputPath(`${name}.png`);
    await panel.screenshot({ path: file });
    await testInfo.attach(name, { path: file, contentType: 'image/png' });
    return file;
  };

  await test.step('the heart and the trajectory are drawn (not a blank canvas)', async () => {
    await expect(stage).toHaveAttribute('data-trajectory-points', '200'); // 400 ms at 500 Hz, from src/core/cine
    await expect(stage).toHaveAttribute('data-view', 'anterior');
    await expect(stage).toHaveAttribute('aria-label', /Anterior view/);
    const s = await snap(page, 'anterior');
    measured.anterior = s;
    expect(s.width).toBeGreaterThan(300);
    expect(s.distinctColors).toBeGreaterThan(200); // shaded translucent surfaces blend into many colours
    expect(s.inked).toBeGreaterThan(0.08);
    expect(s.inked).toBeLessThan(0.9); // the heart fits in the view
    // The beat's QRS, ST and T (src/core/ecg/waves.ts) open with named labels, at the times data-segments states.
    const segments = ((await panel.locator('[data-segments]').getAttribute('data-segments')) ?? '')
      .split(',')
      .map((x) => x.split(':'));
    expect(segments.map(([name]) => name)).toEqual(['QRS', 'ST', 'T']);
    await expect(panel.locator('.heart-label-segment')).toHaveText(segments.map(([name, ms]) => `${name} · ${ms}`));
    const ticks = await panel.locator('.heart-label:not(.heart-label-segment)').count();
    expect(ticks).toBeGreaterThanOrEqual(6); // 50 ms ticks, less those a segment start replaces
    await panel.screenshot({ path: path.join(TEST_RESULTS, 'heart-view.png') });
    await attach('heart-anterior');
  });

  await test.step('credit and license of the geometry are shown', async () => {
    const credit = page.getByTestId('heart-credit');
    await expect(credit).toContainText('biv-me');
    await expect(credit).toContainText('Apache License 2.0');
    await expect(credit.getByRole('link', { name: 'Apache License 2.0' })).toHaveAttribute(
      'href',
      /heart\/LICENSE-Apache-2\.0$/,
    );
    const license = await page.request.get(String(await credit.getByRole('link').getAttribute('href')));
    expect(license.ok()).toBe(true);
    expect(await license.text()).toContain('Apache License');
  });

  await test.step('each preset turns the camera; a second click on a preset restores its view', async () => {
    for (const [name, view] of [
      ['Left lateral view', 'left-lateral'],
      ['LAO 45° view', 'lao45'],
      ['Superior view', 'superior'],
      ['4-chamber view', 'four-chamber'],
    ] as const) {
      await afterFrame(stage, () => page.getByRole('button', { name, exact: true }).click());
      await expect(stage).toHaveAttribute('data-view', view);
      await expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
      await expectQrsLabelAtCentre(page);
      await snap(page, view);
      const changed = await changedPixels(page, 'anterior', view);
      measured[`changed-${view}`] = changed;
      expect(changed, `pixels changed anterior → ${view}`).toBeGreaterThan(3000);
    }
    await attach('heart-four-chamber');
    await afterFrame(stage, () => page.getByRole('button', { name: 'Anterior view', exact: true }).click());
    await snap(page, 'anterior-again');
    expect(await changedPixels(page, 'anterior', 'anterior-again')).toBeLessThan(50);
  });

  await test.step('dragging on the canvas rotates the view', async () => {
    const box = (await stage.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await afterFrame(stage, async () => {
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + 120, y + 30, { steps: 6 });
      await page.mouse.up();
    });
    await expectQrsLabelAtCentre(page); // the labels follow the orbit, not one frame behind it
    await snap(page, 'dragged');
    const changed = await changedPixels(page, 'anterior', 'dragged');
    measured.changedByDrag = changed;
    expect(changed).toBeGreaterThan(3000);
    await afterFrame(stage, () => page.getByRole('button', { name: 'Anterior view', exact: true }).click());
  });

  await test.step('the time slider sets the shared cursor and the marker moves along the trajectory', async () => {
    const slider = page.getByRole('slider', { name: 'Time after QRS onset (ms)' });
    await snap(page, 'no-cursor');
    await afterFrame(stage, async () => {
      await slider.focus();
      await page.keyboard.press('Home');
    });
    await expect(stage).toHaveAttribute('data-cursor-ms', '0');
    await expect(panel.locator('output')).toHaveText('0 ms');
    await snap(page, 'cursor-0');
    await afterFrame(stage, () => page.keyboard.press('End'));
    await expect(stage).toHaveAttribute('data-cursor-ms', '398');
    await expect(slider).toHaveAttribute('aria-valuetext', '398 ms');
    await snap(page, 'cursor-end');
    await afterFrame(stage, async () => {
      for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft'); // 25 samples = 50 ms back
    });
    await expect(stage).toHaveAttribute('data-cursor-ms', '348');
    const appeared = await changedPixels(page, 'no-cursor', 'cursor-0');
    const moved = await changedPixels(page, 'cursor-0', 'cursor-end');
    measured.marker = { appeared, moved };
    expect(appeared, 'the marker appears when the cursor is set').toBeGreaterThan(20);
    expect(moved, 'the marker moved from 0 ms to the end').toBeGreaterThan(40);
    await attach('heart-cursor');
  });

  await test.step('play animates the cursor in slow motion; pause stops it', async () => {
    await page.getByRole('slider', { name: 'Time after QRS onset (ms)' }).press('Home');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    const t0 = Date.now();
    await expect.poll(async () => Number(await stage.getAttribute('data-cursor-ms'))).toBeGreaterThan(30);
    const ms = Number(await stage.getAttribute('data-cursor-ms'));
    const wall = Date.now() - t0;
    measured.playback = { signalMs: ms, wallMs: wall };
    expect(ms).toBeLessThan(wall / 10 + 40); // 10× slow motion (not real time): 400 ms of signal over 4 s
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const paused = await stage.getAttribute('data-cursor-ms');
    await page.waitForTimeout(400);
    await expect(stage).toHaveAttribute('data-cursor-ms', paused!);
  });

  await testInfo.attach('measurements', { body: JSON.stringify(measured, null, 2), contentType: 'application/json' });
  console.log(`heart-view measurements: ${JSON.stringify(measured)}`);
  expect(problems).toEqual([]);
});

test('after an explanation the trajectory is coloured by Φd(t) on the diverging scale', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const stage = await openHeart(page);
  await expect(stage).toHaveAttribute('data-colored', 'neutral');
  await expect(page.getByTestId('heart-legend')).toContainText('run an explanation');
  await snap(page, 'grey');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  await chooseMethod(page, /Integrated Gradients/, { Steps: '8', 'Noisy copies': '2' });
  await runExplanation(page, 240_000);
  await expect(stage).toHaveAttribute('data-colored', 'phi');
  await expect(stage).toHaveAttribute('aria-label', /coloured by Φd\(t\)/);
  await expect(page.getByTestId('heart-legend')).toContainText('−1 evidence for normal');
  await expect(page.getByTestId('heart-legend')).toContainText('+1 evidence for abnormal');
  const [lo, hi] = String(await stage.getAttribute('data-phi-extent'))
    .split(',')
    .map(Number);
  expect(lo).toBeGreaterThanOrEqual(-1);
  expect(hi).toBeLessThanOrEqual(1);
  expect(Math.max(-lo, hi)).toBe(1); // eq. 2: divided by max_t |Σ leads Φ|
  await stage.scrollIntoViewIfNeeded();
  // Only the trajectory's colours changed: grey → the diverging scale.
  await expect
    .poll(async () => {
      await snap(page, 'coloured');
      return changedPixels(page, 'grey', 'coloured');
    })
    .toBeGreaterThan(100);
  const recoloured = await changedPixels(page, 'grey', 'coloured');
  testInfo.annotations.push({
    type: 'measured',
    description: `Φd extent [${lo}, ${hi}]; ${recoloured} canvas pixels recoloured`,
  });
  // The 4-chamber-like view shows this case's short QRS loop side-on, for the picture.
  await afterFrame(stage, () => page.getByRole('button', { name: '4-chamber view', exact: true }).click());
  const file = testInfo.outputPath('heart-coloured.png');
  await page.getByTestId('heart-panel').screenshot({ path: file });
  await page.getByTestId('heart-panel').screenshot({ path: path.join(TEST_RESULTS, 'heart-view-coloured.png') });
  await testInfo.attach('heart-coloured', { path: file, contentType: 'image/png' });
});
