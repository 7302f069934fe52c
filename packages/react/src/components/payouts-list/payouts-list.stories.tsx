import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, spyOn, userEvent, waitFor, within } from 'storybook/test';
import { embeddedApiHandlers } from '../../storybook/msw-handlers';
import { buildPayout, buildPayoutHistory, buildSession } from '../../testing/fixtures';
import { pageOf } from '../../testing/routes';
import { PayoutsList } from './payouts-list';

const meta = {
  title: 'Components/PayoutsList',
  component: PayoutsList,
  args: { onLoaderStart: fn(), onLoadError: fn() },
} satisfies Meta<typeof PayoutsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Records the query string of each list request, then lets the canned route answer. */
function recordListRequests() {
  const queries: URLSearchParams[] = [];
  const handler = http.get('*/v1/embedded/payouts', ({ request }) => {
    queries.push(new URL(request.url).searchParams);
    return undefined;
  });
  return { queries, handler };
}

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('tbody'));

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payouts' });
    await expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Amount', 'Status', 'Arrival', 'Date', 'Speed', 'Bank account']);
    await expect(bodyRows(table)).toHaveLength(4);
    await expect(within(table).getByText('Failed')).toBeVisible();
    await expect(canvas.getByText('4 payouts shown')).toBeVisible();
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'payouts_list' });
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ delayMs: 'infinite' }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading…');
  },
};

export const LoadError: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/v1/embedded/payouts', () =>
          HttpResponse.json({ error: { type: 'api_error', message: 'Down.' } }, { status: 500 }),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('Something went wrong on our side');
    await waitFor(() => expect(args.onLoadError).toHaveBeenCalled());
  },
};

export const Empty: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ data: { payouts: [] } }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No payouts yet')).toBeVisible();
    await expect(canvas.queryByRole('table')).toBeNull();
  },
};

export const NotGranted: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: buildSession({ components: { payouts: { enabled: true, features: {} } } }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'This feature isn’t available for this account.',
    );
  },
};

const sorted = recordListRequests();

export const SortsOnTheServer: Story = {
  beforeEach: () => {
    sorted.queries.length = 0;
  },
  parameters: { msw: { handlers: [sorted.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payouts' });
    const amountHeader = within(table).getByRole('columnheader', { name: /Amount/ });
    await expect(amountHeader).toHaveAttribute('aria-sort', 'none');
    await expect(within(table).getByRole('columnheader', { name: /Date/ })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(within(amountHeader).getByRole('button'));
    await waitFor(() => expect(amountHeader).toHaveAttribute('aria-sort', 'descending'));
    await expect(canvas.getByText('Sorted by Amount, descending')).toBeInTheDocument();
    await waitFor(() => expect(sorted.queries.at(-1)?.get('order')).toBe('amount_desc'));
    await waitFor(() => expect(within(bodyRows(table)[0] as HTMLElement).getByText('$2,500.00')).toBeVisible());

    within(amountHeader).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(amountHeader).toHaveAttribute('aria-sort', 'ascending'));
    await waitFor(() => expect(sorted.queries.at(-1)?.get('order')).toBe('amount_asc'));
    await waitFor(() => expect(within(bodyRows(table)[0] as HTMLElement).getByText('$200.00')).toBeVisible());
  },
};

const filtered = recordListRequests();

export const FiltersByStatusDateAndAmount: Story = {
  beforeEach: () => {
    filtered.queries.length = 0;
  },
  parameters: { msw: { handlers: [filtered.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payouts' });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Failed');
    await userEvent.type(canvas.getByLabelText('Minimum amount (USD)'), '900');
    await userEvent.type(canvas.getByLabelText('From'), '2025-05-01');
    await userEvent.type(canvas.getByLabelText('To'), '2025-06-15');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filters' }));

    await waitFor(() => expect(bodyRows(table)).toHaveLength(1));
    await expect(within(table).getByText('$950.00')).toBeVisible();
    const query = filtered.queries.at(-1);
    await expect(query?.get('status')).toBe('failed');
    await expect(query?.get('amount[gte]')).toBe('90000');
    await expect(query?.get('created[gte]')).toBe('1746057600');
    await expect(query?.get('created[lte]')).toBe('1750031999');

    await userEvent.click(canvas.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(bodyRows(table)).toHaveLength(4));
  },
};

export const FilterErrorsAreExplained: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payouts' });
    await userEvent.type(canvas.getByLabelText('Maximum amount (USD)'), 'ten');
    await userEvent.type(canvas.getByLabelText('From'), '2025-06-10');
    await userEvent.type(canvas.getByLabelText('To'), '2025-06-01');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filters' }));
    await expect(canvas.getByLabelText('Maximum amount (USD)')).toHaveAccessibleDescription(
      'Enter an amount as a number, such as 1,234.56.',
    );
    await expect(canvas.getByLabelText('To')).toHaveAccessibleDescription('Choose a day on or after the “From” day.');
  },
};

const reversed = recordListRequests();

export const FilterRefusesAMinimumAboveTheMaximum: Story = {
  beforeEach: () => {
    reversed.queries.length = 0;
  },
  parameters: { msw: { handlers: [reversed.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payouts' });
    const requests = reversed.queries.length;
    await userEvent.type(canvas.getByLabelText('Minimum amount (USD)'), '900');
    await userEvent.type(canvas.getByLabelText('Maximum amount (USD)'), '90');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filters' }));
    const maximum = canvas.getByLabelText('Maximum amount (USD)');
    await expect(maximum).toBeInvalid();
    await expect(maximum).toHaveAccessibleDescription('Enter an amount no lower than the minimum amount.');
    await expect(canvas.getByLabelText('Minimum amount (USD)')).toBeValid();
    await waitFor(() => expect(maximum).toHaveFocus());
    await expect(reversed.queries).toHaveLength(requests);
  },
};

export const NoPayoutMatchesTheFilters: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payouts' });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Canceled');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filters' }));
    await expect(await canvas.findByText('No payouts match these filters')).toBeVisible();
  },
};

export const ChoosesColumns: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payouts' });
    await userEvent.click(canvas.getByText('Columns'));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'ID' }));
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Status' }));
    await expect(within(table).getByRole('columnheader', { name: 'ID' })).toBeVisible();
    await expect(within(table).queryByRole('columnheader', { name: 'Status' })).toBeNull();
    await expect(within(table).getByText('po_1TestPayoutFailed00000000')).toBeVisible();
    await expect(canvas.getByRole('checkbox', { name: 'Amount' })).toBeDisabled();
  },
};

export const ExportsWhatIsFilteredAsCsv: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payouts' });
    const createObjectURL = spyOn(URL, 'createObjectURL');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Paid');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(canvas.getByText('2 payouts shown')).toBeVisible());
    await userEvent.click(canvas.getByRole('button', { name: 'Export CSV' }));
    await expect(await canvas.findByText('Exported 2 rows.')).toBeVisible();

    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    const lines = (await blob.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    await expect(lines[0]).toBe('Amount,Currency,Status,Arrival,Date,Speed,Bank account,Description,ID,Failure code');
    await expect(lines).toHaveLength(3);
    await expect(lines[1]).toMatch(/^200\.00,USD,paid,/);
    createObjectURL.mockRestore();
  },
};

const history = buildPayoutHistory(10_000);

export const TenThousandPayoutsScrollSmoothly: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ data: { payouts: history } }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payouts' });
    await expect(canvas.getByText('50 payouts shown')).toBeVisible();
    await expect(table).toHaveAttribute('aria-rowcount', '-1');
    // Virtualized: far fewer rows in the DOM than loaded.
    await expect(bodyRows(table).length).toBeLessThan(40);
    const region = canvas.getByRole('region', { name: 'Payouts' });
    region.scrollTop = region.scrollHeight;
    await expect(await canvas.findByText('100 payouts shown')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }));
    await expect(await canvas.findByText('150 payouts shown')).toBeVisible();
    const last = bodyRows(table).at(-1);
    await expect(Number(last?.getAttribute('aria-rowindex'))).toBeLessThan(152);
  },
};

export const OpensAPayoutInADrawer: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payouts' });
    const open = canvas.getByRole('button', { name: 'Payout of $950.00 from Jun 1, 2025' });
    await userEvent.click(open);
    const drawer = within(await canvas.findByRole('dialog', { name: 'Payout details' }));
    await expect(await drawer.findByText('This payout failed')).toBeVisible();
    await expect(drawer.getByText('The bank account has been closed.')).toBeVisible();
    await expect(drawer.getByText(/^Add a new bank account and make it the default/)).toBeVisible();
    const type = await drawer.findByText('Failed payout returned');
    await expect(type).toBeVisible();
    // The table fits the drawer: no column is hidden to the side, and no text is cut.
    const region = drawer.getByRole('region', { name: 'Balance transactions in this payout' });
    await expect(region.scrollWidth).toBeLessThanOrEqual(region.clientWidth);
    const net = drawer.getByRole('columnheader', { name: 'Net' });
    await expect(net.getBoundingClientRect().right).toBeLessThanOrEqual(region.getBoundingClientRect().right);
    const cell = type.closest('td') ?? type;
    await expect(cell.scrollWidth).toBeLessThanOrEqual(cell.clientWidth);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(open).toHaveFocus();
  },
};

export const LetsThePlatformOpenPayouts: Story = {
  args: { onPayoutSelect: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payouts' });
    await userEvent.click(canvas.getByRole('button', { name: 'Payout of $2,500.00 from Jun 15, 2025' }));
    await expect(args.onPayoutSelect).toHaveBeenCalledWith('po_1TestPayoutInTransit00000');
    await expect(canvas.queryByRole('dialog')).toBeNull();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('table', { name: '入金' })).toBeVisible();
  },
};

/** Rules a host page may have for tables and everything else; the list must look the same under them. */
const HOSTILE_TABLE_CSS = `
* { float: left; margin: 9px; padding: 9px; text-align: right; text-transform: uppercase; line-height: 3; }
table { display: block; border-collapse: collapse; width: 50px; }
tr, td, th { display: block; background: yellow; border: 4px solid red; }
th { text-align: center; font-size: 30px; }
tbody tr:nth-child(odd) { background: lime; }
details > summary { display: none; }
`;

export const UnderAHostileStylesheet: Story = {
  decorators: [
    (Story) => (
      <>
        <style>{HOSTILE_TABLE_CSS}</style>
        <Story />
      </>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payouts' });
    const header = within(table).getByRole('columnheader', { name: 'Status' });
    const cell = within(bodyRows(table)[0] as HTMLElement).getAllByRole('cell')[1] as HTMLElement;
    await expect(getComputedStyle(table).display).toBe('table');
    await expect(getComputedStyle(header).display).toBe('table-cell');
    await expect(getComputedStyle(header).textAlign).toBe('start');
    await expect(getComputedStyle(cell).float).toBe('none');
    await expect(getComputedStyle(cell).textTransform).toBe('none');
    await expect(canvas.getByText('Columns')).toBeVisible();
  },
};

// The payout in transit is paid while the user is on another tab.
let transitPaid = false;
const inTransit = buildPayout({ id: 'po_1TestPayoutInTransit00000' });

export const ShowsAStatusChangeWhenThePageRegainsFocus: Story = {
  beforeEach: () => {
    transitPaid = false;
  },
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        routes: {
          'GET /payouts': ({ query }) =>
            pageOf([transitPaid ? { ...inTransit, status: 'paid' as const } : inTransit], query, '/v1/payouts'),
        },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payouts' });
    await expect(within(table).getByText('In transit')).toBeVisible();
    transitPaid = true;
    // Data younger than a second is not refetched on focus; the user was away longer than that.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    window.dispatchEvent(new Event('focus'));
    await expect(await within(table).findByText('Paid')).toBeVisible();
  },
};
