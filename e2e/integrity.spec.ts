import { expect, test } from '@playwright/test';

/**
 * Issue 15: every model file is checked against the SHA-256 in its meta.json before the worker builds a model from
 * it. A server (or a cache, or an attacker) that changes one byte of the weights gets a clear message naming the
 * file, and no prediction is made from the altered model; the ECG itself stays.
 */
test('a weights file with one changed byte is refused by name, and nothing predicts on it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.route('**/models/ecg12/weights.1of1.bin', async (route) => {
    const original = await route.fetch();
    const body = Buffer.from(await original.body());
    body[4096] ^= 0x01;
    await route.fulfill({ response: original, body });
  });
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-error-code', 'model-integrity', { timeout: 90_000 });
  await expect(alert).toContainText('models/ecg12/weights.1of1.bin: SHA-256');
  await expect(alert).toContainText('does not match the recorded');
  await expect(alert).toContainText('not the one this app was built with');
  await expect(page.getByTestId('prediction-value')).toHaveCount(0);
  await expect(page.getByRole('img', { name: /12-lead ECG/ })).toBeVisible();
});
