import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { createFakeClient } from '../../testing/fake-client';
import { PayoutsList } from '../payouts-list/payouts-list';

const SLOW = { timeout: 5_000 };

const WORDS = {
  en: { open: /^Payout of \$950\.00/, region: 'Balance transactions in this payout', type: 'Failed payout returned' },
  de: {
    open: /^Auszahlung über 950,00\s\$/,
    region: 'Buchungen in dieser Auszahlung',
    type: 'Fehlgeschlagene Auszahlung zurückgebucht',
  },
} as const;

/** Opens the failed $950.00 payout of the canned list in the drawer, with the keyboard. */
async function openFailedPayout(locale: keyof typeof WORDS) {
  await render(
    <AtriumTestProvider client={createFakeClient()} locale={locale}>
      <PayoutsList />
    </AtriumTestProvider>,
  );
  const words = WORDS[locale];
  const open = page.getByRole('button', { name: words.open });
  await expect.element(open, SLOW).toBeVisible();
  open.element().focus();
  await userEvent.keyboard('{Enter}');
  const region = page.getByRole('region', { name: words.region });
  await expect.element(region, SLOW).toBeVisible();
  await expect.element(region.getByText(words.type), SLOW).toBeVisible();
  return { region: region.element(), type: region.getByText(words.type).element() };
}

describe('a payout’s transactions in the drawer', () => {
  it.each([
    ['en', 1024],
    ['en', 320],
    ['de', 1024],
    ['de', 320],
  ] as const)('fit the drawer in %s at %i px, with nothing cut or hidden to the side', async (locale, width) => {
    await page.viewport(width, 740);
    try {
      const { region, type } = await openFailedPayout(locale);
      expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
      const cells = [...region.querySelectorAll<HTMLElement>('th, td')];
      expect(cells.length).toBeGreaterThan(0);
      const cut = cells.filter((cell) => cell.scrollWidth > cell.clientWidth);
      expect(cut.map((cell) => cell.textContent)).toEqual([]);
      // The whole type is on screen, wrapped if need be, not ended with an ellipsis.
      const cell = type.closest('td');
      expect(cell?.getBoundingClientRect().right).toBeLessThanOrEqual(region.getBoundingClientRect().right);
      expect(type.getBoundingClientRect().right).toBeLessThanOrEqual(cell?.getBoundingClientRect().right ?? 0);
    } finally {
      await page.viewport(1280, 720);
    }
  });
});
