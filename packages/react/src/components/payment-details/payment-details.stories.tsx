import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { embeddedApiHandlers } from '../../storybook/msw-handlers';
import { buildSession } from '../../testing/fixtures';
import { PaymentDetails } from './payment-details';

const meta = {
  title: 'Components/PaymentDetails',
  component: PaymentDetails,
  args: { payment: 'ch_1TestChargeRefunded0000', onLoaderStart: fn(), onLoadError: fn() },
} satisfies Meta<typeof PaymentDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

export const PartlyRefunded: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Payment of $300.00' })).toBeVisible();
    await expect(canvas.getByText('Partially refunded')).toBeVisible();
    await expect(canvas.getByText('-$50.00')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Refunds' })).toBeVisible();
    await expect(canvas.getByText(/Requested by the customer/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Refund' })).toBeEnabled();
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'payment_details' });
  },
};

export const Failed: Story = {
  args: { payment: 'ch_1TestChargeFailed000000' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('This payment failed')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Refund' })).toBeNull();
  },
};

export const NotFound: Story = {
  args: { payment: 'ch_1SomeoneElsesCharge0000' },
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'We couldn’t find what you were looking for.',
    );
    await waitFor(() =>
      expect(args.onLoadError).toHaveBeenCalledWith(
        expect.objectContaining({
          component: 'payment_details',
          error: expect.objectContaining({ code: 'resource_missing' }) as unknown,
        }),
      ),
    );
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ delayMs: 'infinite' }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading…');
  },
};

export const WithoutRefundManagement: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: buildSession({ components: { payment_details: { enabled: true, features: {} } } }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Payment of $300.00' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Refund' })).toBeNull();
  },
};

/** Opens the refund dialog of the payment shown; returns the canvas and the dialog. */
async function openRefundDialog(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'Refund' }));
  const dialog = within(await canvas.findByRole('dialog', { name: 'Refund this payment' }));
  return { canvas, dialog };
}

export const RefundKeepsFocusInTheDialog: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers() } },
  play: async ({ canvasElement }) => {
    const { canvas, dialog } = await openRefundDialog(canvasElement);
    await expect(dialog.getByRole('radio', { name: 'Full refund: $250.00' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(dialog.getByRole('radio', { name: 'Partial refund' })).toBeChecked();
    await userEvent.tab();
    await expect(dialog.getByLabelText('Amount to refund (USD)')).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(canvas.getByRole('button', { name: 'Refund' })).toHaveFocus();
  },
};

/** A 400 of the BFF that names the parameter it refuses, as Stripe's do. */
const refusal = (code: string, param: string, message: string) =>
  HttpResponse.json(
    { error: { type: 'invalid_request_error', code, param, message } },
    { status: 400, headers: { 'Request-Id': 'req_storybook' } },
  );

export const RefundFocusesTheAmountItCannotTake: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers() } },
  play: async ({ canvasElement }) => {
    const { dialog } = await openRefundDialog(canvasElement);
    await userEvent.click(dialog.getByRole('radio', { name: 'Partial refund' }));
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));
    const amount = dialog.getByLabelText('Amount to refund (USD)');
    await waitFor(() => expect(amount).toHaveFocus());
    await expect(amount).toHaveAccessibleDescription('Up to $250.00 Enter an amount.');
  },
};

export const RefundForgetsTheAmountErrorWithTheAmount: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers() } },
  play: async ({ canvasElement }) => {
    const { dialog } = await openRefundDialog(canvasElement);
    await userEvent.click(dialog.getByRole('radio', { name: 'Partial refund' }));
    await userEvent.type(dialog.getByLabelText('Amount to refund (USD)'), '999');
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));
    await expect(dialog.getByLabelText('Amount to refund (USD)')).toBeInvalid();

    await userEvent.click(dialog.getByRole('radio', { name: /^Full refund/ }));
    await userEvent.click(dialog.getByRole('radio', { name: 'Partial refund' }));
    const amount = dialog.getByLabelText('Amount to refund (USD)');
    await expect(amount).toBeValid();
    await expect(amount).toHaveAccessibleDescription('Up to $250.00');
  },
};

export const RefundRefusedOnTheAmount: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/embedded/refunds', () =>
          refusal('amount_too_large', 'amount', 'Refund amount (20000) is greater than unrefunded amount on charge.'),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { dialog } = await openRefundDialog(canvasElement);
    await userEvent.click(dialog.getByRole('radio', { name: 'Partial refund' }));
    const amount = dialog.getByLabelText('Amount to refund (USD)');
    await userEvent.type(amount, '200');
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(amount).toHaveFocus());
    await expect(amount).toBeInvalid();
    await expect(amount).toHaveAccessibleDescription('Up to $250.00 That is more than is left to refund.');
    await expect(dialog.queryByText('The refund wasn’t made')).toBeNull();
  },
};

// A full refund sends no amount: a refusal naming it belongs to no field on screen.
export const FullRefundRefusedOnTheAmountKeepsTheBanner: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/embedded/refunds', () =>
          refusal('charge_not_refundable', 'amount', 'The transfer of charge ch_1 has 0 left to reverse.'),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { dialog } = await openRefundDialog(canvasElement);
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));
    const alert = await dialog.findByRole('alert');
    await expect(alert).toHaveTextContent('The refund wasn’t made');
    await expect(alert).toHaveTextContent('This payment wasn’t captured, so there is nothing to refund.');
  },
};

// A refusal of the last attempt goes once the user tries again: a check of the form's own shows alone.
export const RefundShowsOnlyTheLatestProblem: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/embedded/refunds', () =>
          HttpResponse.json(
            { error: { type: 'invalid_request_error', code: 'balance_insufficient', message: 'Insufficient funds.' } },
            { status: 400 },
          ),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { dialog } = await openRefundDialog(canvasElement);
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent('Your balance can’t cover this refund right now.');
    await userEvent.click(dialog.getByRole('radio', { name: 'Partial refund' }));
    const amount = dialog.getByLabelText('Amount to refund (USD)');
    await userEvent.type(amount, '900');
    await userEvent.click(dialog.getByRole('button', { name: 'Refund' }));
    await expect(amount).toHaveAccessibleDescription(/You can refund at most \$250\.00\./);
    await expect(dialog.queryByText('The refund wasn’t made')).toBeNull();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const InSpanish: Story = {
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Reembolsado en parte')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Reembolsar' })).toBeVisible();
  },
};
