import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { embeddedApiHandlers } from '../../storybook/msw-handlers';
import { buildBankAccount, buildSession } from '../../testing/fixtures';
import { Payouts } from './payouts';

const meta = {
  title: 'Components/Payouts',
  component: Payouts,
  args: { onLoaderStart: fn(), onLoadError: fn(), onPayoutCreated: fn() },
} satisfies Meta<typeof Payouts>;

export default meta;
type Story = StoryObj<typeof meta>;

const ALL_FEATURES = {
  instant_payouts: true,
  standard_payouts: true,
  edit_payout_schedule: true,
  external_account_collection: true,
};

/** A session whose `payouts` grant has every feature but the ones switched off here. */
const sessionWith = (off: Partial<Record<keyof typeof ALL_FEATURES, false>>) =>
  buildSession({ components: { payouts: { enabled: true, features: { ...ALL_FEATURES, ...off } } } });

/** Records the bodies of one kind of write, then lets the canned route answer. */
function recordWrites(method: 'post' | 'delete', path: string) {
  const bodies: unknown[] = [];
  const handler = http[method](`*/v1/embedded${path}`, async ({ request }) => {
    bodies.push(method === 'post' ? ((await request.clone().json()) as unknown) : null);
    return undefined;
  });
  return { bodies, handler };
}

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Balance' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Payout schedule' })).toBeVisible();
    await expect(canvas.getByText('Every day')).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Payout methods' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'Payout history' })).toBeVisible();
    await expect(canvas.getByRole('table', { name: 'Payouts' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Withdraw' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Change schedule' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Add a bank account' })).toBeVisible();
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'payouts' });
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
      handlers: [http.get('*/v1/embedded/account', () => HttpResponse.error()), ...embeddedApiHandlers()],
    },
  },
  play: async ({ canvasElement, args }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('We couldn’t reach the server.');
    await waitFor(() => expect(args.onLoadError).toHaveBeenCalled());
  },
};

export const WithoutAnyFeature: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: sessionWith({
          instant_payouts: false,
          standard_payouts: false,
          edit_payout_schedule: false,
          external_account_collection: false,
        }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Every day')).toBeVisible();
    await expect(canvas.getByText('6789')).toBeVisible();
    await expect(canvas.getByRole('table', { name: 'Payouts' })).toBeVisible();
    for (const name of [
      'Withdraw',
      'Instant payout',
      'Change schedule',
      'Add a bank account',
      'Make default',
      'Remove',
    ]) {
      await expect(canvas.queryByRole('button', { name })).toBeNull();
    }
  },
};

export const WithoutScheduleEditing: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ session: sessionWith({ edit_payout_schedule: false }) }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Every day')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Change schedule' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  },
};

export const WithoutBankAccountCollection: Story = {
  parameters: {
    msw: { handlers: embeddedApiHandlers({ session: sessionWith({ external_account_collection: false }) }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('6789')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Add a bank account' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Change schedule' })).toBeVisible();
  },
};

export const WithoutPayoutFeatures: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({ session: sessionWith({ standard_payouts: false, instant_payouts: false }) }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Balance' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Withdraw' })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Instant payout' })).toBeNull();
  },
};

const schedules = recordWrites('post', '/payout_schedule');

export const ChangesTheSchedule: Story = {
  beforeEach: () => {
    schedules.bodies.length = 0;
  },
  parameters: { msw: { handlers: [schedules.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Change schedule' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Change the payout schedule' }));
    await waitFor(() => expect(dialog.getByLabelText('How often')).toHaveFocus());
    await userEvent.selectOptions(dialog.getByLabelText('How often'), 'Weekly');
    await userEvent.selectOptions(dialog.getByLabelText('Day of the week'), 'Friday');
    const delay = dialog.getByLabelText('Days before funds can be paid out');
    await userEvent.clear(delay);
    await userEvent.type(delay, '1');
    await userEvent.click(dialog.getByRole('button', { name: 'Save schedule' }));
    await expect(await dialog.findByText('Enter a whole number of days from 2 to 30.')).toBeVisible();
    await expect(schedules.bodies).toHaveLength(0);

    await userEvent.clear(delay);
    await userEvent.type(delay, '3');
    await userEvent.click(dialog.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(schedules.bodies).toEqual([{ interval: 'weekly', delay_days: 3, weekly_anchor: 'friday' }]);
    await expect(await canvas.findByText('Every week on Friday')).toBeVisible();
    await expect(canvas.getByText('Funds can be paid out 3 days after each payment.')).toBeVisible();
    await expect(canvas.getByText('Payout schedule saved.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Change schedule' })).toHaveFocus();
  },
};

export const ChangesToAMonthlySchedule: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Change schedule' }));
    const dialog = within(await canvas.findByRole('dialog'));
    await userEvent.selectOptions(await dialog.findByLabelText('How often'), 'Monthly');
    await expect(dialog.queryByLabelText('Day of the week')).toBeNull();
    await userEvent.selectOptions(dialog.getByLabelText('Day of the month'), '31');
    await userEvent.click(dialog.getByRole('button', { name: 'Save schedule' }));
    await expect(await canvas.findByText('Every month on day 31 (the last day in shorter months)')).toBeVisible();
  },
};

export const ScheduleRefusedOnAField: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/embedded/payout_schedule', () =>
          HttpResponse.json(
            {
              error: {
                type: 'invalid_request_error',
                code: 'parameter_invalid',
                param: 'delay_days',
                message: 'delay_days cannot be less than 7 for an account in US.',
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
    await userEvent.click(await canvas.findByRole('button', { name: 'Change schedule' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Change the payout schedule' }));
    await userEvent.selectOptions(await dialog.findByLabelText('How often'), 'Weekly');
    await userEvent.click(dialog.getByRole('button', { name: 'Save schedule' }));
    const delay = dialog.getByLabelText('Days before funds can be paid out');
    await waitFor(() => expect(delay).toHaveFocus());
    await expect(delay).toBeInvalid();
    await expect(delay).toHaveAccessibleDescription(
      'At least 2 in your country. Enter a whole number of days from 2 to 30.',
    );
    await expect(dialog.getByLabelText('Day of the week')).toBeValid();
    await expect(dialog.queryByText('The schedule wasn’t saved')).toBeNull();
  },
};

const banks = recordWrites('post', '/external_accounts');

export const AddsABankAccount: Story = {
  beforeEach: () => {
    banks.bodies.length = 0;
  },
  parameters: { msw: { handlers: [banks.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Add a bank account' }));
    await userEvent.type(await canvas.findByLabelText('Routing number'), '110000000');
    await userEvent.type(canvas.getByLabelText('Account number'), '12');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(canvas.getByLabelText('Account number')).toHaveAccessibleDescription('Enter a valid account number.');
    await expect(banks.bodies).toHaveLength(0);

    await userEvent.clear(canvas.getByLabelText('Account number'));
    await userEvent.type(canvas.getByLabelText('Account number'), '000999888777');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText('8777')).toBeVisible();
    await expect(banks.bodies).toEqual([
      expect.objectContaining({
        external_account: expect.objectContaining({
          object: 'bank_account',
          country: 'US',
          currency: 'usd',
          routing_number: '110000000',
          account_number: '000999888777',
        }) as unknown,
      }),
    ]);
  },
};

export const AfterAFailedPayout: Story = {
  parameters: {
    msw: { handlers: embeddedApiHandlers({ data: { bankAccounts: [buildBankAccount({ status: 'errored' })] } }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^Automatic payouts are paused: the last payout/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Payout of $950.00 from Jun 1, 2025' }));
    const drawer = within(await canvas.findByRole('dialog', { name: 'Payout details' }));
    await expect(await drawer.findByText('This payout failed')).toBeVisible();
    await expect(drawer.getByText(/^The \$950\.00 is back in your available balance/)).toBeVisible();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: '入金スケジュール' })).toBeVisible();
  },
};
