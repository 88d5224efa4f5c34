import { expect, test } from '@playwright/test';
import { judgeSoak, setIgBudget, soak } from './support/soak';

/** The short version of `npm run soak`: 10 explanations in a row leave no tensor behind in the worker. */
test('10 explanations in a row: no tensor growth in the worker, page heap within 8 MiB', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('./?test-hooks&backend=wasm');
  await expect(page.getByTestId('prediction')).toHaveAttribute('data-p-abnormal', /\d/, { timeout: 120_000 });
  await setIgBudget(page, 8, 2);
  const rows = await soak(page, { runs: 10, every: 5 });
  const verdict = judgeSoak(rows, 8 * 2 ** 20);
  test.info().annotations.push({
    type: 'measured',
    description: rows
      .map((r) => `run ${r.run}: ${r.tensors} tensors, heap ${(r.heapBytes / 2 ** 20).toFixed(1)} MiB`)
      .join('; '),
  });
  expect(verdict.problems).toEqual([]);
  expect(rows[1].tensors).toBeGreaterThan(0); // the model's weights: the count is real
});
