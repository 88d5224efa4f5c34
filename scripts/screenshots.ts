/**
 * `npm run screenshots`: rebuilds the app and takes the README's pictures (e2e/screenshots/*.png) in headless
 * Chromium, on the workstation screen: the whole screen at 1280×720 (a projector) and 1920×1080 after IG with the
 * paper's defaults (about 30 s on wasm), the grid with its beat panel, the explanation drawer, and the 3D view.
 * The preview server's port is $E2E_PORT (default 4182), so it can run beside another checkout's tests.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { servePreview } from './lib/preview';

const PORT = Number(process.env.E2E_PORT ?? 4182);
const OUT = 'e2e/screenshots';

async function explainLafb(p: Page): Promise<void> {
  await p.goto(`http://127.0.0.1:${PORT}/?case=ptbxl-00285`);
  await p
    .locator('[data-testid=companion-prediction][data-model=cine3][data-p-abnormal]')
    .waitFor({ timeout: 120_000 });
  await p.getByRole('button', { name: 'Explain with Integrated Gradients' }).click();
  await p.getByRole('status').filter({ hasText: 'Explanation ready' }).waitFor({ timeout: 300_000 });
  await p.waitForTimeout(1500); // the 3D view refits and draws
}

async function main() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const server = await servePreview(PORT);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const p = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await p.goto(`http://127.0.0.1:${PORT}/`);
    await p
      .locator('[data-testid=companion-prediction][data-model=cine3][data-p-abnormal]')
      .waitFor({ timeout: 120_000 });
    await p.waitForTimeout(1000);
    await p.screenshot({ path: `${OUT}/first-screen.png` });
    await explainLafb(p);
    await p.screenshot({ path: `${OUT}/workstation-1280x720.png` });
    await p.locator('.ecg-panel').screenshot({ path: `${OUT}/grid-explained.png` });
    await p.locator('.heart-panel').screenshot({ path: `${OUT}/heart-view.png` });
    await p.getByTestId('explain').getByRole('button', { name: 'Details' }).click();
    await p.getByTestId('explain-drawer').screenshot({ path: `${OUT}/explain-ig.png` });
    console.log(`IG took ${await p.getByTestId('explain').getAttribute('data-explain-ms')} ms at 1280×720`);
    const big = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await explainLafb(big);
    await big.screenshot({ path: `${OUT}/workstation-1920x1080.png` });
    console.log(`screenshots in ${OUT}/`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
