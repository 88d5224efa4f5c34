import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { chooseMethod, openExplainDetails, runExplanation } from './support/explain';
import { REPO_ROOT, TEST_RESULTS } from './support/paths';

type CliOut = {
  cases: { id: string; faithfulness: { ig: Record<string, { deletionAuc: number; insertionAuc: number }> } }[];
  sanity: { caseId: string; model: string; spearman: number; spearmanAbs: number }[];
};

/**
 * The same curves from `cli evaluate` (the tiny fixture study's case c1 is this LAFB record; the CLI follows the
 * labelled class, abnormal, which is also the app's predicted class here), at the same IG budget, with the
 * randomisation check (the same seeded re-initialisation, src/core/model/reinitialise.ts).
 */
function cliCase(): { curves: CliOut['cases'][number]['faithfulness']['ig']; rho: CliOut['sanity'][number] } {
  const out = execFileSync(
    'npm',
    [
      'run',
      '-s',
      'cli',
      '--',
      'evaluate',
      '--study',
      'src/core/eval/__fixtures__/tiny-study.json',
      '--annotations',
      'src/core/eval/__fixtures__/tiny-annotations-a.json',
      '--methods',
      'ig',
      '--steps',
      '8',
      '--noise-samples',
      '2',
      '--resamples',
      '100',
      '--randomisation',
    ],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 300_000,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const o = JSON.parse(out) as CliOut;
  return {
    curves: o.cases.find((c) => c.id === 'c1')!.faithfulness.ig,
    rho: o.sanity.find((r) => r.caseId === 'c1' && r.model === 'ecg12')!,
  };
}

/** The faithfulness panel of the map on screen: waits for its curves and returns the two areas. */
async function curvesOf(page: Page): Promise<{ deletion: number; insertion: number; targetClass: number }> {
  const panel = page.getByTestId('faithfulness');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(panel.getByRole('img', { name: /^Deletion and insertion curves/ })).toBeVisible();
  const deletion = Number(await panel.getAttribute('data-deletion-auc'));
  const insertion = Number(await panel.getAttribute('data-insertion-auc'));
  const targetClass = Number(await panel.getAttribute('data-target-class'));
  expect(Number.isFinite(deletion) && Number.isFinite(insertion)).toBe(true);
  await expect(page.getByTestId('deletion-auc')).toHaveText(/^-?\d/);
  await expect(page.getByTestId('insertion-auc')).toHaveText(/^-?\d/);
  return { deletion, insertion, targetClass };
}

test('LAFB explained: deletion/insertion curves with two finite AUCs beside the map (12-lead and CineECG twin), and the model-randomisation check', async ({
  page,
}, info) => {
  test.setTimeout(400_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./?case=ptbxl-00285');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  await chooseMethod(page, /Integrated Gradients/, { Steps: '8', 'Noisy copies': '2' });
  const measured: Record<string, unknown> = {};

  await test.step('12-lead model: the curves follow the explanation, in the worker', async () => {
    measured.explainMs = await runExplanation(page, 240_000);
    await openExplainDetails(page);
    measured.ecg12 = await curvesOf(page);
    await expect(page.getByTestId('faithfulness')).toContainText(/logit margin \(the predicted class\)/);
    // The mapped Φd that colours the 3D trajectory gets its own (dashed) curves.
    await expect(page.getByTestId('mapped-aucs')).toHaveText(/^-?\d\S* · -?\d/);
    measured.mapped = {
      deletion: Number(await page.getByTestId('faithfulness').getAttribute('data-mapped-deletion-auc')),
      insertion: Number(await page.getByTestId('faithfulness').getAttribute('data-mapped-insertion-auc')),
    };
  });

  await test.step('the model-randomisation check reports a Spearman ρ and how to read it', async () => {
    const r = page.getByTestId('randomisation');
    await r.getByRole('button', { name: 'Model-randomisation check' }).click();
    await expect(r).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
    const rho = Number(await r.getAttribute('data-spearman'));
    const rhoAbs = Number(await r.getAttribute('data-spearman-abs'));
    measured.randomisation = { rho, rhoAbs };
    expect(rho).toBeGreaterThanOrEqual(-1);
    expect(rho).toBeLessThanOrEqual(1);
    expect(Number.isFinite(rhoAbs)).toBe(true);
    await expect(r).toContainText(/Spearman ρ with the map of a re-initialised model \(seed 0\): -?\d\.\d\d/);
    await expect(r).toContainText('Low |ρ| means the map depends on the learned weights, as it should');
  });

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await page.getByTestId('faithfulness').scrollIntoViewIfNeeded();
    const file = info.outputPath(`faithfulness-drawer-${size.width}x${size.height}.png`);
    await page.screenshot({ path: file });
    await page.screenshot({ path: path.join(TEST_RESULTS, `faithfulness-drawer-${size.width}x${size.height}.png`) });
    await info.attach(`drawer ${size.width}×${size.height}`, { path: file, contentType: 'image/png' });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  await test.step('CineECG twin: its own map gets its own curves', async () => {
    const model = page.getByRole('radiogroup', { name: 'Model explained' });
    await expect(model.getByRole('radio', { name: 'CineECG model' })).toBeEnabled({ timeout: 60_000 });
    await model.getByRole('radio', { name: 'CineECG model' }).click();
    // No curves shown for a model not yet explained.
    await expect(page.getByTestId('faithfulness')).toHaveCount(0);
    await runExplanation(page, 240_000);
    measured.cine3 = await curvesOf(page);
    await expect(page.getByTestId('mapped-aucs')).toHaveCount(0);
    await expect(page.getByTestId('randomisation')).toHaveAttribute('data-status', 'idle');
  });

  await test.step('the same areas and ρ as `cli evaluate` computes in Node (same core, same model, same IG budget)', async () => {
    const { curves: cli, rho } = cliCase();
    type Areas = { deletion: number; insertion: number; targetClass?: number };
    const app = measured as {
      ecg12: Areas;
      mapped: Areas;
      cine3: Areas;
      randomisation: { rho: number; rhoAbs: number };
    };
    const close = (a: number, b: number) =>
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(b)));
    // The viewer follows the predicted class, cli evaluate the labelled one (abnormal for this case). When a model
    // predicts normal, its curves are the CLI's mirrored: deleting the most normal evidence first is revealing the most
    // abnormal evidence last, and the normal margin is minus the abnormal one, so deletion = −insertion and back.
    for (const [source, areas] of [
      ['12-lead', app.ecg12],
      ['cinecg-model', app.cine3],
    ] as const) {
      const c = cli[source];
      if (areas.targetClass === 1) {
        close(areas.deletion, c.deletionAuc);
        close(areas.insertion, c.insertionAuc);
      } else {
        close(areas.deletion, -c.insertionAuc);
        close(areas.insertion, -c.deletionAuc);
      }
    }
    close(app.mapped.deletion, cli.mapped.deletionAuc);
    close(app.mapped.insertion, cli.mapped.insertionAuc);
    close(app.randomisation.rho, rho.spearman);
    close(app.randomisation.rhoAbs, rho.spearmanAbs);
  });

  info.annotations.push({ type: 'measured', description: JSON.stringify(measured) });
  expect(problems).toEqual([]);
});
