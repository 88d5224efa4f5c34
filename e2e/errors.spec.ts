import { expect, test } from '@playwright/test';

/** Bad input shows one error panel with a code and a message, never a blank screen. */

test('an unknown case id shows the error panel', async ({ page }) => {
  await page.goto('./?case=no-such-case');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('data-error-code', 'unknown-case');
  await expect(alert).toContainText('ptbxl-00285'); // lists what is available
  await expect(page.getByTestId('caution')).toBeVisible();
});

test('a corrupt header shows the core error code and the file', async ({ page }) => {
  await page.route('**/cases/ptbxl-00285/00285_hr.hea', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: 'this is not a WFDB header\n' }),
  );
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  const code = await alert.getAttribute('data-error-code');
  expect(code).not.toBe('unexpected'); // the parser named the problem
  await expect(alert).toContainText('00285_hr.hea');
  await expect(page.getByTestId('case-title')).toBeVisible(); // the case is still named
});

test('a missing data file is reported as a network error', async ({ page }) => {
  await page.route('**/cases/ptbxl-00285/00285_hr.dat', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveAttribute('data-error-code', 'network');
  await expect(alert).toContainText('HTTP 404');
});
