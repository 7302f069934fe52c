import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the start command serves the health check and the demo', async ({ page, request }) => {
  const health = await request.get('/healthz');
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'pglite' });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pre-owned watches from independent sellers');
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);
});
