/**
 * `npm run screenshots`: rebuilds the app and takes the README's pictures (e2e/screenshots/*.png) in headless
 * Chromium: the first screen, the 3×4 grid with the IG overlay, the explanation panel and the 3D view. IG runs with
 * the paper's defaults (about 30 s on wasm).
 */
import { execFileSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium';
import { servePreview } from './lib/preview';

const PORT = 4182;
const OUT = 'e2e/screenshots';

async function main() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
  const server = await servePreview(PORT);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(`http://127.0.0.1:${PORT}/`);
    await p.locator('[data-testid=twin-prediction][data-p-abnormal]').waitFor({ timeout: 120_000 });
    await p.waitForTimeout(1000);
    await p.screenshot({ path: `${OUT}/first-screen.png` });
    await p.getByRole('button', { name: 'Explain with Integrated Gradients' }).click();
    await p.locator('table.timings tbody tr').first().waitFor({ timeout: 300_000 });
    await p.getByRole('radiogroup', { name: 'Layout' }).getByRole('radio', { name: '3×4 + II' }).click();
    await p.waitForTimeout(1000);
    await p.locator('.ecg-panel').screenshot({ path: `${OUT}/grid-explained.png` });
    await p.getByTestId('explain').screenshot({ path: `${OUT}/explain-ig.png` });
    await p.getByRole('button', { name: '4-chamber view' }).click();
    await p.waitForTimeout(2000);
    await p.locator('.heart-panel').screenshot({ path: `${OUT}/heart-view.png` });
    console.log(`IG took ${await p.getByTestId('explain').getAttribute('data-explain-ms')} ms; screenshots in ${OUT}/`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
