import type { Payout } from '@atrium/core';
import type { SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { buildPayoutHistory } from '../../testing/fixtures';
import { AtriumRoot } from '../../theme/atrium-root';
import { payoutColumns } from '../payouts-list/payout-columns';
import { MoneyStyles } from './money-styles';
import { MoneyTable } from './money-table';
import { useMoneyI18n } from './use-money-i18n';

const history = buildPayoutHistory(2_000);

function Table({
  rows,
  onOpen,
  onLoadMore,
  actions,
}: {
  rows: Payout[];
  onOpen: (payout: Payout) => void;
  onLoadMore: () => void;
  actions?: ReactNode;
}) {
  const i18n = useMoneyI18n();
  const columns = useMemo(() => payoutColumns(i18n, [], onOpen), [i18n, onOpen]);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'created', desc: true }]);
  return (
    <MoneyTable
      label="Payouts"
      columns={columns}
      rows={rows}
      sorting={sorting}
      onSortingChange={setSorting}
      hasMore
      loadingMore={false}
      onLoadMore={onLoadMore}
      maxHeight="20em"
      actions={actions}
    />
  );
}

async function renderTable(rows: Payout[] = history, actions?: ReactNode, locale = 'en') {
  const onOpen = vi.fn();
  const onLoadMore = vi.fn();
  const screen = render(
    <AtriumTestProvider locale={locale}>
      <AtriumRoot>
        <MoneyStyles />
        <Table rows={rows} onOpen={onOpen} onLoadMore={onLoadMore} actions={actions} />
      </AtriumRoot>
    </AtriumTestProvider>,
  );
  await expect.element(page.getByRole('table', { name: 'Payouts' })).toBeVisible();
  return { screen, onOpen, onLoadMore };
}

const focusedRowIndex = () => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'));

describe('MoneyTable in a real browser', () => {
  it('renders only the rows in view of two thousand, and tells assistive technology where each is', async () => {
    await renderTable();

    await expect.element(page.getByRole('table', { name: 'Payouts' })).toBeVisible();
    const rendered = page
      .getByRole('row')
      .elements()
      .filter((row) => row.closest('tbody') && row.getAttribute('aria-rowindex'));
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(40);
    expect(rendered[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(page.getByRole('table').element().getAttribute('aria-rowcount')).toBe('-1');
  });

  it('sorts from the keyboard, says the new order, and marks the header', async () => {
    await renderTable();
    const amount = page.getByRole('columnheader', { name: /Amount/ });
    const date = page.getByRole('columnheader', { name: /Date/ });
    await expect.element(amount).toHaveAttribute('aria-sort', 'none');

    page.getByRole('button', { name: 'Amount' }).element().focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(amount).toHaveAttribute('aria-sort', 'descending');
    await expect.element(date).toHaveAttribute('aria-sort', 'none');
    await expect.element(page.getByText('Sorted by Amount, descending')).toBeInTheDocument();
    await userEvent.keyboard(' ');
    await expect.element(amount).toHaveAttribute('aria-sort', 'ascending');
  });

  it('keeps Tab moving row by row far past the first screen, rendering rows as focus reaches them', async () => {
    const { onOpen } = await renderTable();
    page
      .getByRole('button', { name: /^Payout of / })
      .first()
      .element()
      .focus();
    expect(focusedRowIndex()).toBe(2);

    for (let step = 0; step < 40; step += 1) await userEvent.tab();

    expect(focusedRowIndex()).toBe(42);
    const focused = document.activeElement as HTMLElement;
    const region = page.getByRole('region', { name: 'Payouts' }).element();
    const [rowBox, regionBox] = [focused.getBoundingClientRect(), region.getBoundingClientRect()];
    expect(rowBox.bottom).toBeLessThanOrEqual(regionBox.bottom + 1);
    expect(rowBox.top).toBeGreaterThanOrEqual(regionBox.top);
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(history[40]);
  });

  it('lets the keyboard scroll the region, and asks for the next page near the end', async () => {
    const { onLoadMore } = await renderTable(history.slice(0, 60));
    const region = page.getByRole('region', { name: 'Payouts' });
    region.element().focus();
    await expect.element(region).toHaveFocus();

    await userEvent.keyboard('{End}');

    await vi.waitFor(() => expect(onLoadMore).toHaveBeenCalled());
    expect(region.element().scrollTop).toBeGreaterThan(0);
  });

  it('shows and hides columns from the keyboard, never the last one', async () => {
    await renderTable(history.slice(0, 5));
    const menu = page.getByText('Columns');
    menu.element().focus();
    await userEvent.keyboard('{Enter}');
    const id = page.getByRole('checkbox', { name: 'ID' });
    await expect.element(id).toBeVisible();
    id.element().focus();
    await userEvent.keyboard(' ');

    await expect.element(page.getByRole('columnheader', { name: 'ID' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'Amount' })).toBeDisabled();
  });

  it('scrolls sideways on a narrow screen rather than cutting off its headers and cells', async () => {
    await page.viewport(320, 740);
    try {
      // German headers ("Geschwindigkeit") and badges ("Fehlgeschlagen") are the longest.
      await renderTable(history.slice(0, 40), undefined, 'de');
      await expect.element(page.getByRole('columnheader', { name: 'Geschwindigkeit' })).toBeVisible();
      const cut = [...document.querySelectorAll<HTMLElement>('.atr-table th, .atr-table td')].filter(
        (cell) => cell.scrollWidth > cell.clientWidth,
      );
      expect(cut.map((cell) => cell.textContent)).toEqual([]);
      const region = page.getByRole('region', { name: 'Payouts' }).element();
      expect(region.scrollWidth).toBeGreaterThan(region.clientWidth);
    } finally {
      await page.viewport(1280, 720);
    }
  });

  it('keeps the column menu inside a narrow viewport', async () => {
    await page.viewport(320, 740);
    try {
      // An action beside the menu's button, as the lists have, puts the button near the start.
      await renderTable(history.slice(0, 5), <button style={{ width: 160 }}>Export</button>);
      page.getByText('Columns').element().focus();
      await userEvent.keyboard('{Enter}');
      const panel = page.getByRole('group', { name: 'Columns' });
      await expect.element(panel).toBeVisible();
      await vi.waitFor(() => {
        const rect = panel.element().getBoundingClientRect();
        expect(rect.left).toBeGreaterThanOrEqual(0);
        expect(rect.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
      });
    } finally {
      await page.viewport(1280, 720);
    }
  });
});
