import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { embeddedApiHandlers } from '../../storybook/msw-handlers';
import { buildSession } from '../../testing/fixtures';
import { PayoutDetails } from './payout-details';

const meta = {
  title: 'Components/PayoutDetails',
  component: PayoutDetails,
  args: { payout: 'po_1TestPayoutInTransit00000', onLoaderStart: fn(), onLoadError: fn() },
} satisfies Meta<typeof PayoutDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

export const InTransit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Payout of $2,500.00' })).toBeVisible();
    await expect(canvas.getByText('In transit')).toBeVisible();
    await expect(canvas.getByText('Expected arrival')).toBeVisible();
    await expect(canvas.getByText('Automatically, on the payout schedule')).toBeVisible();
    const table = canvas.getByRole('table', { name: 'Balance transactions in this payout' });
    await expect(within(table).getByText('Payment')).toBeVisible();
    await expect(within(table).getByText('-$12.50')).toBeVisible();
    await expect(within(table).getAllByText('-$2,500.00')).toHaveLength(2);
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'payout_details' });
  },
};

export const Paid: Story = {
  args: { payout: 'po_1TestPayoutPaid0000000000' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Arrived')).toBeVisible();
    await expect(canvas.getByText('No balance transactions in this payout')).toBeVisible();
  },
};

export const Failed: Story = {
  args: { payout: 'po_1TestPayoutFailed00000000' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('This payout failed')).toBeVisible();
    await expect(canvas.getByText('The bank account has been closed.')).toBeVisible();
    await expect(canvas.getByText(/^Add a new bank account and make it the default/)).toBeVisible();
    await expect(canvas.getByText(/^The \$950\.00 is back in your available balance/)).toBeVisible();
    await expect(canvas.getByText('Failed payout returned')).toBeVisible();
  },
};

export const NotFound: Story = {
  args: { payout: 'po_1SomeoneElsesPayout00000' },
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'We couldn’t find what you were looking for.',
    );
    await waitFor(() => expect(args.onLoadError).toHaveBeenCalled());
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ delayMs: 'infinite' }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Loading…');
  },
};

export const NotGranted: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: buildSession({ components: { payouts_list: { enabled: true, features: {} } } }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'This feature isn’t available for this account.',
    );
  },
};

export const Dark: Story = { args: { payout: 'po_1TestPayoutFailed00000000' }, globals: { theme: 'dark' } };

export const FailedInFrench: Story = {
  args: { payout: 'po_1TestPayoutFailed00000000' },
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Ce virement a échoué')).toBeVisible();
    await expect(canvas.getByText('Le compte bancaire a été clôturé.')).toBeVisible();
  },
};
