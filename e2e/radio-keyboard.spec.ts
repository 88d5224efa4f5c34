import { expect, test } from '@playwright/test';

/** The app's radio groups follow the WAI-ARIA radio-group keyboard model (src/app/controls/RadioGroup.tsx). */
test('radio groups: one tab stop, arrows move and check, Home / End jump', async ({ page }) => {
  await page.goto('./');
  const grid = page.getByRole('img', { name: /12-lead ECG/ });
  await expect(grid).toBeVisible({ timeout: 60_000 });

  const layouts = page.getByRole('radiogroup', { name: 'Layout' });
  const radios = layouts.getByRole('radio');
  const count = await radios.count();
  expect(count).toBeGreaterThanOrEqual(3);
  // Only the checked radio is in the tab order.
  const checked = layouts.getByRole('radio', { checked: true });
  await expect(checked).toHaveAttribute('tabindex', '0');
  await expect(layouts.locator('[role="radio"][tabindex="0"]')).toHaveCount(1);

  await layouts.getByRole('radio').first().click();
  await expect(radios.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(radios.nth(1)).toBeFocused();
  await expect(radios.nth(1)).toHaveAttribute('aria-checked', 'true');
  await expect(radios.nth(1)).toHaveAttribute('tabindex', '0');
  await expect(radios.nth(0)).toHaveAttribute('tabindex', '-1');
  const layoutAfterArrow = await grid.getAttribute('data-layout');

  await page.keyboard.press('End');
  await expect(radios.nth(count - 1)).toBeFocused();
  await expect(radios.nth(count - 1)).toHaveAttribute('aria-checked', 'true');
  await expect(grid).not.toHaveAttribute('data-layout', layoutAfterArrow ?? '');

  await page.keyboard.press('ArrowRight'); // wraps to the first
  await expect(radios.nth(0)).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowLeft'); // and back to the last
  await expect(radios.nth(count - 1)).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Home');
  await expect(radios.nth(0)).toBeFocused();
  await expect(radios.nth(0)).toHaveAttribute('aria-checked', 'true');

  // Tab leaves the group in one step (the other radios are not tab stops).
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).not.toHaveAttribute('role', 'radio');
});
