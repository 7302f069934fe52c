import { readFileSync } from 'node:fs';
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

test('the demo answers its routes with its page and a missing file with a 404', async ({ request }) => {
  const route = await request.get('/seller/onboarding');
  expect(route.status()).toBe(200);
  expect(route.headers()['content-type']).toContain('text/html');
  for (const missing of ['/favicon.ico', '/assets/no-such-bundle.js']) {
    expect((await request.get(missing)).status(), missing).toBe(404);
  }
});

test('the demo has the terms and privacy pages its onboarding links to', async ({ page }) => {
  for (const [path, heading] of [
    ['/terms', 'Services agreement'],
    ['/privacy', 'Privacy policy'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(heading);
    expect((await new AxeBuilder({ page }).analyze()).violations, path).toEqual([]);
  }
});

test('the demo’s and the hosted pages’ bundles are served gzipped', async ({ request }) => {
  const page = await (await request.get('/')).text();
  const demoScript = /<script[^>]+src="([^"]+\.js)"/.exec(page)?.[1];
  expect(demoScript).toBeDefined();
  // The hosted page is served only behind a link; its bundle's name is in the built page.
  const hostedScript = /src="(\/connect\/assets\/[^"]+\.js)"/.exec(
    readFileSync('packages/server/dist/hosted/index.html', 'utf8'),
  )?.[1];
  expect(hostedScript).toBeDefined();
  for (const script of [demoScript, hostedScript]) {
    const response = await request.get(script ?? '', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-encoding'], script).toBe('gzip');
  }
});
