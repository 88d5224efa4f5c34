import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { chooseMethod, downloadedExplanation, runExplanation } from './support/explain';
import { REPO_ROOT } from './support/paths';
import { readShownPrediction } from './support/predict';
import { dragOnGrid, marksOf, grid, openFiles, startExample } from './study-support';

// The service worker is what these tests are about (the config blocks it elsewhere).
test.use({ serviceWorkers: 'allow' });

/** Each method at a small budget: this test is about where requests go, not about the numbers. */
const METHODS: Array<[RegExp, Record<string, string>]> = [
  [/Integrated Gradients/, { Steps: '4', 'Noisy copies': '1' }],
  [/Gradient SHAP/, { Draws: '4' }],
  [/Kernel SHAP/, { 'Model evaluations': '24' }],
  [/LIME/, { 'Perturbed samples': '24' }],
];

/** Collects CSP violations seen by the document (the event) and by the console (workers report there too). */
async function watchCsp(page: Page, violations: string[]): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(
        `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  // A worker's violation may reach the page only as "worker sent an error! … importScripts … failed to load"
  // (seen when script-src lacked blob: and TF.js's pthread workers died): those count too.
  page.on(
    'console',
    (m) =>
      /Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|create|compile|evaluate)|worker sent an error/i.test(
        m.text(),
      ) && violations.push(`console: ${m.text()}`),
  );
}

const pageViolations = async (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

test('a full use of the app sends no request to another origin and breaks no CSP rule', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(600_000);
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  const foreign: string[] = [];
  const record = (url: string) => {
    requests.push(url);
    if (/^(data|blob):/.test(url)) return; // in-memory, never on the network
    if (new URL(url).origin !== origin) foreign.push(url);
  };
  context.on('request', (r) => record(r.url())); // pages, their workers and the service worker
  // Belt and braces: anything bound elsewhere is also stopped here, so a leak cannot succeed even once.
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      foreign.push(`routed: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const violations: string[] = [];
  await watchCsp(page, violations);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await test.step('open the app (bundled case), prediction', async () => {
    const res = await page.goto('./');
    expect(res?.headers()['content-security-policy'], 'npm start sends the CSP header').toContain("default-src 'self'");
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta, 'the built index.html carries the same CSP').toBe(res?.headers()['content-security-policy']);
    expect(meta).not.toContain("'unsafe-eval'");
    expect(meta).not.toContain("'unsafe-inline'");
    await readShownPrediction(page, 120_000);
  });

  await test.step('open a local file through the file input', async () => {
    await page
      .getByTestId('open-files-input')
      .setInputFiles(['00285_hr.hea', '00285_hr.dat'].map((f) => path.join(REPO_ROOT, 'public/cases/ptbxl-00285', f)));
    await expect(page.locator('.app')).toHaveAttribute('data-case-status', 'ready', { timeout: 60_000 });
    await expect(page.getByText('00285_hr.hea').first()).toBeVisible();
    await readShownPrediction(page, 120_000);
  });

  await test.step('explain with every method, then download the explanation', async () => {
    for (const [method, fields] of METHODS) {
      await chooseMethod(page, method, fields);
      await runExplanation(page, 240_000);
    }
    const json = await downloadedExplanation(page);
    expect(json.method).toBe('lime');
  });

  await test.step('the 3D view', async () => {
    const stage = page.getByRole('img', { name: /^3D heart/ });
    await stage.scrollIntoViewIfNeeded();
    await expect(stage).toHaveAttribute('data-heart-status', 'ready', { timeout: 60_000 });
    await expect
      .poll(async () => Number((await stage.getAttribute('data-frames')) ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
  });
  violations.push(...(await pageViolations(page)));

  await test.step('study mode: annotate and export', async () => {
    await startExample(page);
    await dragOnGrid(page, 2, 10, 90);
    await expect.poll(() => marksOf(grid(page))).not.toBe('');
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      openFiles(page).then(() => page.getByRole('button', { name: 'Export JSON' }).click()),
    ]);
    expect(JSON.parse(await (await import('node:fs/promises')).readFile((await dl.path())!, 'utf8'))).toMatchObject({
      format: 'cineecg-annotations',
    });
  });
  violations.push(...(await pageViolations(page)));

  testInfo.annotations.push({
    type: 'measured',
    description: `${requests.length} requests during a full use; ${foreign.length} to another origin; ${violations.length} CSP violations`,
  });
  expect(foreign, 'requests to another origin').toEqual([]);
  expect(violations, 'CSP violations').toEqual([]);
  expect(errors, 'uncaught page errors').toEqual([]);
  expect(requests.length).toBeGreaterThan(20); // the recorder saw the app's own traffic (models, cases, chunks)
});

test('the CSP is enforced: an injected inline script and a request to another origin are refused', async ({ page }) => {
  const violations: string[] = [];
  await watchCsp(page, violations);
  await page.goto('./');
  await expect(page.locator('.app')).toBeVisible();
  // Page scripts, not page.evaluate (DevTools evaluation is exempt from the CSP's eval rule): an inline script, and
  // a script of the app's own kind (a Blob URL, as TF.js makes) that tries eval.
  const outcome = await page.evaluate(async () => {
    const w = window as unknown as { __inlineRan?: boolean; __evalRan?: string };
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    const probe = document.createElement('script');
    probe.src = URL.createObjectURL(
      new Blob(
        ["try { window.__evalRan = String(new Function('return 42')()); } catch (e) { window.__evalRan = e.name; }"],
        { type: 'text/javascript' },
      ),
    );
    await new Promise((ok) => {
      probe.onload = ok;
      probe.onerror = ok;
      document.head.append(probe);
    });
    const fetched = await fetch('http://192.0.2.1/x').then(
      () => 'reached',
      (e: Error) => e.name,
    );
    await new Promise((r) => setTimeout(r, 200));
    return { inline: w.__inlineRan === true, evalRan: w.__evalRan, fetched };
  });
  expect(outcome).toEqual({ inline: false, evalRan: 'EvalError', fetched: 'TypeError' });
  const seen = await pageViolations(page);
  expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
  expect(seen.some((v) => v.startsWith('connect-src'))).toBe(true);
});
