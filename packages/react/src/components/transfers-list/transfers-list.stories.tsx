import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { embeddedApiHandlers } from '../../storybook/msw-handlers';
import { buildSession } from '../../testing/fixtures';
import { TransfersList } from './transfers-list';

const meta = {
  title: 'Components/TransfersList',
  component: TransfersList,
  args: { onLoaderStart: fn(), onLoadError: fn(), onTransferCreated: fn() },
} satisfies Meta<typeof TransfersList>;

export default meta;
type Story = StoryObj<typeof meta>;

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('tbody'));

/** Records each transfer request's body, then lets the canned route answer. */
function recordTransfers() {
  const bodies: unknown[] = [];
  const handler = http.post('*/v1/embedded/transfers', async ({ request }) => {
    bodies.push((await request.clone().json()) as unknown);
    return undefined;
  });
  return { bodies, handler };
}

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Transfers' });
    const rows = bodyRows(table);
    await expect(rows).toHaveLength(3);
    await expect(within(rows[0] as HTMLElement).getByText('From acct_1PeerWorkshop0000000')).toBeVisible();
    // The whole counterparty is in its title where the column cuts it; every row has a status.
    await expect(within(rows[0] as HTMLElement).getByTitle('From acct_1PeerWorkshop0000000')).toBeVisible();
    for (const row of rows) await expect(within(row).getByText('Completed')).toBeVisible();
    await expect(within(rows[1] as HTMLElement).getByText('From the platform')).toBeVisible();
    await expect(within(rows[2] as HTMLElement).getByText('To acct_1PeerWorkshop0000000')).toBeVisible();
    await expect(within(rows[2] as HTMLElement).getByText('-$75.00')).toBeVisible();
    await expect(within(rows[2] as HTMLElement).getByText('Sent')).toBeVisible();
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'transfers_list' });
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
    msw: { handlers: [http.get('*/v1/embedded/transfers', () => HttpResponse.error()), ...embeddedApiHandlers()] },
  },
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('We couldn’t reach the server.');
    await waitFor(() => expect(args.onLoadError).toHaveBeenCalled());
  },
};

export const Empty: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ data: { transfers: [] } }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No transfers yet')).toBeVisible();
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

export const WithoutTransferBalance: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: buildSession({ components: { transfers_list: { enabled: true, features: {} } } }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('table', { name: 'Transfers' });
    await expect(canvas.queryByRole('button', { name: 'Send money' })).toBeNull();
  },
};

const sent = recordTransfers();

export const SendsMoneyToAnotherAccount: Story = {
  beforeEach: () => {
    sent.bodies.length = 0;
  },
  parameters: { msw: { handlers: [sent.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Transfers' });
    await userEvent.click(canvas.getByRole('button', { name: 'Send money' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Send money to another account' }));
    const recipient = dialog.getByLabelText('Recipient’s account ID');
    await expect(recipient).toHaveFocus();
    await userEvent.type(recipient, 'workshop');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    await expect(recipient).toHaveAccessibleDescription(/Enter an account ID that starts with acct_\./);
    await waitFor(() => expect(recipient).toHaveFocus());
    await expect(dialog.getByLabelText('Amount (USD)')).toHaveAccessibleDescription('Enter an amount.');

    await userEvent.clear(recipient);
    await userEvent.type(recipient, 'acct_1AtriumTestAccount00');
    await userEvent.type(dialog.getByLabelText('Amount (USD)'), '12.34');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    await expect(recipient).toHaveAccessibleDescription(/You can’t send money to your own account\./);
    await waitFor(() => expect(recipient).toHaveFocus());

    await userEvent.clear(recipient);
    await userEvent.type(recipient, 'acct_1PeerWorkshop0000000');
    await userEvent.type(dialog.getByLabelText(/^Description/), 'Shared courier');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    // Nothing is sent before the user has seen what goes to whom: it cannot be recalled.
    const review = await dialog.findByRole('heading', { name: 'Check your transfer' });
    await waitFor(() => expect(review).toHaveFocus());
    await expect(sent.bodies).toEqual([]);
    await expect(dialog.getByText('acct_1PeerWorkshop0000000')).toBeVisible();
    await expect(dialog.getByText('$12.34')).toBeVisible();
    await expect(dialog.getByText('Shared courier')).toBeVisible();
    // Back keeps what was typed.
    await userEvent.click(dialog.getByRole('button', { name: 'Back' }));
    await expect(dialog.getByLabelText('Amount (USD)')).toHaveValue('12.34');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Send $12.34' }));
    const done = await dialog.findByRole('heading', { name: 'Sent $12.34 to acct_1PeerWorkshop0000000' });
    await waitFor(() => expect(done).toHaveFocus());
    await expect(sent.bodies).toEqual([
      { destination: 'acct_1PeerWorkshop0000000', amount: 1_234, currency: 'usd', description: 'Shared courier' },
    ]);
    await expect(args.onTransferCreated).toHaveBeenCalledWith(expect.objectContaining({ amount: 1_234 }));
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(bodyRows(table)).toHaveLength(4));
    await expect(within(bodyRows(table)[0] as HTMLElement).getByText('-$12.34')).toBeVisible();
  },
};

export const SendRefusedForALowBalance: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Send money' }));
    const dialog = within(await canvas.findByRole('dialog'));
    await userEvent.type(dialog.getByLabelText('Recipient’s account ID'), 'acct_1PeerWorkshop0000000');
    await userEvent.type(dialog.getByLabelText('Amount (USD)'), '999,999');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Send $999,999.00' }));
    const alert = await dialog.findByRole('alert');
    await expect(alert).toHaveTextContent('The money wasn’t sent');
    await expect(alert).toHaveTextContent('Your available balance is too low for this transfer.');

    // Back on the form, a check of its own shows alone: the refusal was of the last attempt.
    await userEvent.click(dialog.getByRole('button', { name: 'Back' }));
    const recipient = dialog.getByLabelText('Recipient’s account ID');
    await userEvent.clear(recipient);
    await userEvent.type(recipient, 'acct_1AtriumTestAccount00');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    await expect(recipient).toHaveAccessibleDescription(/You can’t send money to your own account\./);
    await expect(dialog.queryByText('The money wasn’t sent')).toBeNull();

    // A new refusal shows again.
    await userEvent.clear(recipient);
    await userEvent.type(recipient, 'acct_1PeerWorkshop0000000');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Send $999,999.00' }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent('The money wasn’t sent');
  },
};

export const SendFocusesTheFirstFieldToFix: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Send money' }));
    const dialog = within(await canvas.findByRole('dialog'));
    await userEvent.type(dialog.getByLabelText('Recipient’s account ID'), 'acct_1PeerWorkshop0000000');
    await userEvent.type(dialog.getByLabelText('Amount (USD)'), '1.234');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    const amount = dialog.getByLabelText('Amount (USD)');
    await waitFor(() => expect(amount).toHaveFocus());
    await expect(amount).toHaveAccessibleDescription('USD amounts have at most 2 decimals.');
  },
};

export const SendRefusedOnTheRecipient: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/embedded/transfers', () =>
          HttpResponse.json(
            {
              error: {
                type: 'invalid_request_error',
                code: 'resource_missing',
                param: 'destination',
                message: "No such destination: 'acct_1NobodyAtAll000000000'",
              },
            },
            { status: 400, headers: { 'Request-Id': 'req_storybook' } },
          ),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Send money' }));
    const dialog = within(await canvas.findByRole('dialog'));
    const recipient = dialog.getByLabelText('Recipient’s account ID');
    await userEvent.type(recipient, 'acct_1NobodyAtAll000000000');
    await userEvent.type(dialog.getByLabelText('Amount (USD)'), '10');
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }));
    // Refused on a value of the form: back to that field, with what was typed.
    await userEvent.click(await dialog.findByRole('button', { name: 'Send $10.00' }));
    await waitFor(() => expect(recipient).toHaveFocus());
    await expect(recipient).toBeInvalid();
    await expect(recipient).toHaveAccessibleDescription(/No account with this ID can receive transfers\.$/);
    await expect(dialog.getByLabelText('Amount (USD)')).toBeValid();
    await expect(dialog.queryByText('The money wasn’t sent')).toBeNull();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('table', { name: '送金' })).toBeVisible();
  },
};
