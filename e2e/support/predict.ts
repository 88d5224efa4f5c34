import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { REPO_ROOT } from './paths';

/** What `cli predict` prints per record (scripts/commands/predict.ts). */
export interface CliPrediction {
  record: string;
  pAbnormal: number;
  label: 'normal' | 'abnormal';
  windowStartMs: number;
}

/** Runs `cli predict` the way a user would and parses its JSON line (ignoring TF.js' banner around it). */
export function cliPredict(modelPath: string, recordPath: string, backend?: string): CliPrediction {
  const args = [
    'tsx',
    'scripts/cli.ts',
    'predict',
    '--model',
    modelPath,
    ...(backend ? ['--backend', backend] : []),
    recordPath,
  ];
  const stdout = execFileSync('npx', args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const line = stdout.split('\n').find((l) => l.startsWith('{') && l.includes('"pAbnormal"'));
  if (!line) throw new Error(`cli predict printed no prediction:\n${stdout}`);
  return JSON.parse(line) as CliPrediction;
}

/** What the prediction panel states in its data-* attributes. */
export interface ShownPrediction {
  pAbnormal: number;
  /** The attribute verbatim, to show it was full precision. */
  pAbnormalText: string;
  label: string;
  backend: string;
  backendMs: number;
  loadMs: number;
  warmUpMs: number;
  predictMs: number;
  available: string[];
}

/** Waits until the panel shows a prediction (or fails with the error panel's text) and reads it. */
export async function readShownPrediction(page: Page, timeout = 90_000): Promise<ShownPrediction> {
  const panel = page.getByTestId('prediction');
  const failed = page.getByRole('alert');
  await expect(panel.and(page.locator('[data-p-abnormal]')).or(failed)).toBeVisible({ timeout });
  if (await failed.isVisible())
    throw new Error(`the app shows an error instead of a prediction: ${await failed.innerText()}`);
  const d = await panel.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const num = (k: string): number => {
    const v = Number(d[k]);
    if (d[k] === undefined || !Number.isFinite(v))
      throw new Error(`prediction data-${k} is missing or not a number: ${d[k]}`);
    return v;
  };
  return {
    pAbnormal: num('pAbnormal'),
    pAbnormalText: d.pAbnormal ?? '',
    label: d.label ?? '',
    backend: d.backend ?? '',
    backendMs: num('backendMs'),
    loadMs: num('loadMs'),
    warmUpMs: num('warmUpMs'),
    predictMs: num('predictMs'),
    available: (d.backendsAvailable ?? '').split(',').filter(Boolean),
  };
}
