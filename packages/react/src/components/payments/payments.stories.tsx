import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { embeddedApiHandlers } from '../../storybook/msw-handlers';
import { buildCharge, buildSession, cannedData } from '../../testing/fixtures';
import { Payments } from './payments';

const meta = {
  title: 'Components/Payments',
  component: Payments,
  args: { onLoaderStart: fn(), onLoadError: fn() },
} satisfies Meta<typeof Payments>;

export default meta;
type Story = StoryObj<typeof meta>;

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('tbody'));

/** Records each refund request's body, then lets the canned route answer. */
function recordRefunds() {
  const bodies: unknown[] = [];
  const handler = http.post('*/v1/embedded/refunds', async ({ request }) => {
    bodies.push((await request.clone().json()) as unknown);
    return undefined;
  });
  return { bodies, handler };
}

const withMastercard = [
  ...cannedData().charges,
  buildCharge({
    id: 'ch_1TestChargeMastercard00',
    amount: 4_200,
    amount_captured: 4_200,
    description: 'Strap, leather',
    created: 1_749_600_000,
    billing_details: { address: null, email: 'grace@example.com', name: 'Grace Hopper', phone: null },
    payment_method_details: {
      type: 'card',
      card: { brand: 'mastercard', country: 'GB', exp_month: 4, exp_year: 2031, funding: 'debit', last4: '4444' },
    },
  }),
];

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payments' });
    await expect(bodyRows(table)).toHaveLength(3);
    await expect(within(table).getByText('Succeeded')).toBeVisible();
    await expect(within(table).getByText('Partially refunded')).toBeVisible();
    await expect(within(table).getByText('Failed')).toBeVisible();
    await expect(within(table).getAllByText('Visa ···· 4242')).toHaveLength(3);
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'payments' });
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
        http.get('*/v1/embedded/charges', () =>
          HttpResponse.json({ error: { type: 'api_error', message: 'Down.' } }, { status: 503 }),
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
  parameters: { msw: { handlers: embeddedApiHandlers({ data: { charges: [] } }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No payments yet')).toBeVisible();
  },
};

export const NotGranted: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: buildSession({ components: { payment_details: { enabled: true, features: {} } } }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'This feature isn’t available for this account.',
    );
  },
};

export const FiltersByCardBrandAndStatus: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ data: { charges: withMastercard } }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Payments' });
    await expect(bodyRows(table)).toHaveLength(4);
    await userEvent.selectOptions(canvas.getByLabelText('Card brand'), 'Mastercard');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(bodyRows(table)).toHaveLength(1));
    await expect(within(table).getByText('Mastercard ···· 4444')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Card brand'), 'Any brand');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'Failed');
    await userEvent.click(canvas.getByRole('button', { name: 'Apply filters' }));
    await expect(await within(table).findByText('Failed')).toBeVisible();
    await expect(bodyRows(table)).toHaveLength(1);
  },
};

const fullRefunds = recordRefunds();

export const RefundsAPaymentInFull: Story = {
  beforeEach: () => {
    fullRefunds.bodies.length = 0;
  },
  parameters: { msw: { handlers: [fullRefunds.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payments' });
    await userEvent.click(canvas.getByRole('button', { name: 'Payment of $125.00 from Jun 13, 2025' }));
    const drawer = within(await canvas.findByRole('dialog', { name: 'Payment details' }));
    await userEvent.click(await drawer.findByRole('button', { name: 'Refund' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Refund this payment' }));
    await expect(dialog.getByRole('radio', { name: 'Full refund: $125.00' })).toBeChecked();
    await userEvent.selectOptions(dialog.getByLabelText(/^Reason/), 'Requested by the customer');
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));

    const done = await dialog.findByRole('heading', { name: 'Refund of $125.00 issued' });
    await waitFor(() => expect(done).toHaveFocus());
    await expect(fullRefunds.bodies).toEqual([
      { charge: 'ch_1TestCharge000000000000', reason: 'requested_by_customer' },
    ]);
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(canvas.getAllByRole('dialog')).toHaveLength(1));
    await waitFor(() => expect(drawer.getByRole('heading', { name: 'Payment of $125.00' })).toHaveFocus());
    await expect(drawer.queryByRole('button', { name: 'Refund' })).toBeNull();
    await expect(drawer.getAllByText('Refunded').length).toBeGreaterThan(0);
  },
};

const partialRefunds = recordRefunds();

export const RefundsPartOfAPayment: Story = {
  beforeEach: () => {
    partialRefunds.bodies.length = 0;
  },
  parameters: { msw: { handlers: [partialRefunds.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payments' });
    await userEvent.click(canvas.getByRole('button', { name: 'Payment of $300.00 from Jun 11, 2025' }));
    const drawer = within(await canvas.findByRole('dialog', { name: 'Payment details' }));
    await userEvent.click(await drawer.findByRole('button', { name: 'Refund' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Refund this payment' }));
    await expect(dialog.getByRole('radio', { name: 'Full refund: $250.00' })).toBeChecked();
    await userEvent.click(dialog.getByRole('radio', { name: 'Partial refund' }));
    const amount = dialog.getByLabelText('Amount to refund (USD)');
    await userEvent.type(amount, '400');
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));
    await expect(amount).toHaveAccessibleDescription(/You can refund at most \$250\.00\./);
    await userEvent.clear(amount);
    await userEvent.type(amount, '100');
    await userEvent.selectOptions(dialog.getByLabelText(/^Reason/), 'Duplicate payment');
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));

    await expect(await dialog.findByRole('heading', { name: 'Refund of $100.00 issued' })).toBeVisible();
    await expect(partialRefunds.bodies).toEqual([
      { charge: 'ch_1TestChargeRefunded0000', amount: 10_000, reason: 'duplicate' },
    ]);
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await expect(await drawer.findByText('-$150.00')).toBeVisible();
    await expect(drawer.getByText('Duplicate payment', { exact: false })).toBeVisible();
  },
};

export const WithoutRefundManagement: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: buildSession({ components: { payments: { enabled: true, features: {} } } }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payments' });
    await userEvent.click(canvas.getByRole('button', { name: 'Payment of $125.00 from Jun 13, 2025' }));
    const drawer = within(await canvas.findByRole('dialog', { name: 'Payment details' }));
    await expect(await drawer.findByText('Ada Lovelace')).toBeVisible();
    await expect(drawer.queryByRole('button', { name: 'Refund' })).toBeNull();
  },
};

export const AFailedPayment: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Payments' });
    await userEvent.click(canvas.getByRole('button', { name: 'Payment of $125.00 from Jun 10, 2025' }));
    const drawer = within(await canvas.findByRole('dialog', { name: 'Payment details' }));
    await expect(await drawer.findByText('This payment failed')).toBeVisible();
    await expect(drawer.getByText('The card was declined by its bank.')).toBeVisible();
    await expect(drawer.queryByRole('button', { name: 'Refund' })).toBeNull();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('table', { name: '支払い' })).toBeVisible();
  },
};
