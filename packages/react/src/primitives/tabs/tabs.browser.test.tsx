import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { AtriumRoot } from '../../theme/atrium-root';
import { Tabs } from './tabs';

const items = [
  { value: 'balances', label: 'Balances', content: <p>Balances panel</p> },
  { value: 'schedule', label: 'Schedule', content: <p>Schedule panel</p>, disabled: true },
  { value: 'history', label: 'History', content: <button type="button">Export</button> },
];

describe('Tabs in a real browser', () => {
  it('is one tab stop; arrows move between enabled tabs and show their panel', async () => {
    await render(
      <AtriumTestProvider>
        <AtriumRoot>
          <Tabs label="Payouts" items={items} />
        </AtriumRoot>
      </AtriumTestProvider>,
    );

    await userEvent.tab();
    await expect.element(page.getByRole('tab', { name: 'Balances' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(page.getByRole('tab', { name: 'History' })).toHaveFocus();
    await expect.element(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
    await expect.element(page.getByRole('tabpanel', { name: 'History' })).toBeVisible();
    await userEvent.tab();
    await expect.element(page.getByRole('button', { name: 'Export' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect.element(page.getByRole('tab', { name: 'History' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect.element(page.getByRole('tab', { name: 'Balances' })).toHaveFocus();
    await expect.element(page.getByText('Balances panel')).toBeVisible();
  });
});
