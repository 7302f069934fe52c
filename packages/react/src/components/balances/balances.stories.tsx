import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { nextPayoutDay } from '@atrium/core';
import { formatDate } from '../../i18n/format';
import { embeddedApiHandlers } from '../../storybook/msw-handlers';
import { buildAccount, buildBalance, buildBankAccount, buildSession } from '../../testing/fixtures';
import { Balances } from './balances';

const meta = {
  title: 'Components/Balances',
  component: Balances,
  args: { onLoaderStart: fn(), onLoadError: fn(), onPayoutCreated: fn() },
} satisfies Meta<typeof Balances>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A session whose `balances` grant has exactly these features. */
const withFeatures = (features: Record<string, boolean>) =>
  buildSession({ components: { balances: { enabled: true, features } } });

/** Records each payout request (its idempotency key and body), then lets the canned route answer. */
function recordPayouts() {
  const requests: { key: string | null; body: unknown }[] = [];
  const handler = http.post('*/v1/embedded/payouts', async ({ request }) => {
    requests.push({ key: request.headers.get('Idempotency-Key'), body: (await request.clone().json()) as unknown });
    return undefined;
  });
  return { requests, handler };
}

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Balance' })).toBeVisible();
    await expect(canvas.getByText('$12,345.67')).toBeVisible();
    await expect(canvas.getByText('$456.00')).toBeVisible();
    await expect(canvas.getByText('$2,500.00')).toBeVisible();
    await expect(canvas.getByText(/^Next automatic payout: \$12,345\.67 on /)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Withdraw' })).toBeVisible();
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'balances' });
  },
};

/** Thirty days ahead of the browser, as a test clock moved forward in the demo's admin is. */
const TEST_CLOCK_AHEAD_SECONDS = 30 * 24 * 3600;

export const NextPayoutOnTheTestClock: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        session: { now: Math.floor(Date.now() / 1000) + TEST_CLOCK_AHEAD_SECONDS },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The payout day is the BFF's, counted from its clock, not from the browser's.
    const day = nextPayoutDay(
      { interval: 'daily', delay_days: 2 },
      Math.floor(Date.now() / 1000) + TEST_CLOCK_AHEAD_SECONDS,
    );
    const date = formatDate(day ?? 0, 'date', 'en', 'UTC');
    await expect(await canvas.findByText(`Next automatic payout: $12,345.67 on ${date}.`)).toBeVisible();
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
        http.get('*/v1/embedded/balance', () =>
          HttpResponse.json(
            { error: { type: 'api_error', message: 'The ledger is unavailable.' } },
            { status: 503, headers: { 'Request-Id': 'req_balance_503' } },
          ),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong on our side');
    await expect(alert).toHaveTextContent('Request ID: req_balance_503');
    await waitFor(() => expect(args.onLoadError).toHaveBeenCalled());
  },
};

export const NegativeBalance: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        data: {
          balance: buildBalance({
            available: [{ amount: -2_500, currency: 'usd' }],
            instant_available: [{ amount: 0, currency: 'usd' }],
            in_transit: [],
          }),
        },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Your USD balance is negative')).toBeVisible();
    await expect(canvas.getByText(/The \$25\.00 owed is recovered from your next payments/)).toBeVisible();
    await expect(canvas.getByText('-$25.00')).toHaveAttribute('data-sign', 'negative');
    await expect(canvas.getByText(/^Nothing to pay out yet/)).toBeVisible();
  },
};

export const SeveralCurrencies: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        data: {
          balance: buildBalance({
            available: [
              { amount: 1_234_567, currency: 'usd' },
              { amount: 98_000, currency: 'eur' },
            ],
            pending: [{ amount: 45_600, currency: 'usd' }],
            in_transit: [{ amount: 12_000, currency: 'eur' }],
          }),
          bankAccounts: [
            buildBankAccount(),
            buildBankAccount({ id: 'ba_1TestEuroBank0000000000', country: 'DE', currency: 'eur', last4: '3000' }),
          ],
        },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'USD' })).toBeVisible();
    await expect(canvas.getByRole('heading', { name: 'EUR' })).toBeVisible();
    await expect(canvas.getByText('€980.00')).toBeVisible();
    await expect(canvas.getByText(/^Next automatic payout: €980\.00 on /)).toBeVisible();
  },
};

export const NewAccountWithNothingYet: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        data: { balance: buildBalance({ available: [], pending: [], in_transit: [], instant_available: [] }) },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^Nothing to pay out yet/)).toBeVisible();
    await expect(canvas.getAllByText('$0.00')).toHaveLength(4);
  },
};

export const PayoutsPausedAfterAFailedPayout: Story = {
  parameters: {
    msw: { handlers: embeddedApiHandlers({ data: { bankAccounts: [buildBankAccount({ status: 'errored' })] } }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/^Automatic payouts are paused: the last payout/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Withdraw' }));
    const dialog = await canvas.findByRole('dialog', { name: 'Withdraw funds' });
    await expect(within(dialog).getByText(/^The last payout to STRIPE TEST BANK ····6789 failed/)).toBeVisible();
    await expect(within(dialog).getByRole('button', { name: 'Review' })).toBeDisabled();
  },
};

export const ManualPayoutSchedule: Story = {
  parameters: {
    msw: {
      handlers: embeddedApiHandlers({
        data: {
          account: buildAccount({
            settings: {
              payouts: {
                schedule: { interval: 'manual', delay_days: 2 },
                debit_negative_balances: true,
                statement_descriptor: null,
              },
              payments: { statement_descriptor: null },
            },
          }),
        },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/^Automatic payouts are off/)).toBeVisible();
  },
};

export const WithoutPayoutFeatures: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ session: withFeatures({}) }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('$12,345.67')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Withdraw' })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Instant payout' })).toBeNull();
    await expect(canvas.queryByText('Available for instant payout')).toBeNull();
  },
};

const standardPayouts = recordPayouts();

export const WithdrawStandard: Story = {
  beforeEach: () => {
    standardPayouts.requests.length = 0;
  },
  parameters: { msw: { handlers: [standardPayouts.handler, ...embeddedApiHandlers()] } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Withdraw' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Withdraw funds' }));
    const amount = dialog.getByLabelText('Amount (USD)');
    await expect(amount).toHaveFocus();
    await userEvent.type(amount, '1,234.56');
    await userEvent.click(dialog.getByRole('radio', { name: /^Standard/ }));
    await userEvent.click(dialog.getByRole('button', { name: 'Review' }));

    const review = await dialog.findByRole('heading', { name: 'Check your payout' });
    await waitFor(() => expect(review).toHaveFocus());
    await expect(await dialog.findByText('You receive')).toBeVisible();
    await expect(dialog.getAllByText('$1,234.56')).toHaveLength(2);
    await userEvent.click(dialog.getByRole('button', { name: 'Withdraw $1,234.56' }));

    const done = await dialog.findByRole('heading', { name: 'Your payout is on its way' });
    await waitFor(() => expect(done).toHaveFocus());
    await expect(standardPayouts.requests.map((request) => request.body)).toEqual([
      { amount: 123_456, currency: 'usd', method: 'standard' },
    ]);
    await expect(standardPayouts.requests[0]?.key).toMatch(/\S{16,}/);
    await expect(args.onPayoutCreated).toHaveBeenCalledWith(expect.objectContaining({ amount: 123_456 }));
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await expect(await canvas.findByText('$11,111.11')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Withdraw' })).toHaveFocus();
  },
};

export const WithdrawInstantShowsTheFeeFirst: Story = {
  parameters: {
    msw: { handlers: embeddedApiHandlers({ session: withFeatures({ instant_payouts: true }) }) },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Instant payout' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Withdraw funds' }));
    await expect(dialog.queryByRole('radio')).toBeNull();
    await userEvent.type(dialog.getByLabelText('Amount (USD)'), '250');
    await userEvent.keyboard('{Enter}');
    await expect(await dialog.findByText('Instant payout fee')).toBeVisible();
    await expect(dialog.getByText('-$2.50')).toBeVisible();
    await expect(dialog.getByText('$247.50')).toBeVisible();
  },
};

// The first attempt's answer is lost on the way back; the user's second click must be the same request.
let dropNextPayout = true;
const retriedPayouts = recordPayouts();

/** Opens the withdraw dialog, asks for $100.00, reviews and confirms it; returns the dialog and its confirm button. */
async function withdrawOneHundredDollars(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('button', { name: 'Withdraw' }));
  const dialog = within(await canvas.findByRole('dialog', { name: 'Withdraw funds' }));
  await userEvent.type(dialog.getByLabelText('Amount (USD)'), '100');
  await userEvent.click(dialog.getByRole('button', { name: 'Review' }));
  const confirm = await dialog.findByRole('button', { name: 'Withdraw $100.00' });
  await waitFor(() => expect(confirm).toBeEnabled());
  await userEvent.click(confirm);
  return { dialog, confirm };
}

export const WithdrawRetryAfterALostAnswerIsTheSameRequest: Story = {
  beforeEach: () => {
    dropNextPayout = true;
    retriedPayouts.requests.length = 0;
  },
  parameters: {
    msw: {
      handlers: [
        retriedPayouts.handler,
        http.post('*/v1/embedded/payouts', () => {
          if (!dropNextPayout) return undefined;
          dropNextPayout = false;
          return HttpResponse.error();
        }),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { dialog, confirm } = await withdrawOneHundredDollars(canvasElement);
    await expect(await dialog.findByRole('alert')).toHaveTextContent('We couldn’t reach the server');
    await userEvent.click(confirm);
    await expect(await dialog.findByRole('heading', { name: 'Your payout is on its way' })).toBeVisible();
    await expect(retriedPayouts.requests).toHaveLength(2);
    await expect(retriedPayouts.requests[1]?.key).toBe(retriedPayouts.requests[0]?.key);
  },
};

export const WithdrawRefusesAnAmountItCannotPay: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Withdraw' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Withdraw funds' }));
    const amount = dialog.getByLabelText('Amount (USD)');
    await userEvent.type(amount, '12.345');
    await userEvent.click(dialog.getByRole('button', { name: 'Review' }));
    // Said once by the form's status, and read with the amount: the error is no alert of its own.
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent('1 field needs attention.'));
    await expect(dialog.queryByRole('alert')).toBeNull();
    await expect(amount).toHaveAccessibleDescription(/USD amounts have at most 2 decimals\./);
    await waitFor(() => expect(amount).toHaveFocus());
    await userEvent.clear(amount);
    await userEvent.type(amount, '99999');
    await userEvent.click(dialog.getByRole('button', { name: 'Review' }));
    // The same field failing again is announced again, its new message read with it.
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent('1 field needs attention.'));
    await expect(amount).toHaveAccessibleDescription(/You can withdraw at most \$12,345\.67\./);
    await userEvent.click(dialog.getByRole('button', { name: 'Withdraw everything available' }));
    await expect(amount).toHaveValue('12,345.67');
  },
};

/** A 400 of the BFF that names the parameter it refuses, as Stripe's do. */
const refusal = (code: string, param: string | undefined, message: string) =>
  HttpResponse.json(
    { error: { type: 'invalid_request_error', code, ...(param === undefined ? {} : { param }), message } },
    { status: 400, headers: { 'Request-Id': 'req_storybook' } },
  );

export const WithdrawRefusedOnTheAmount: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/embedded/payouts', () =>
          refusal('balance_insufficient', 'amount', 'The available balance (100) does not cover 10000.'),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { dialog } = await withdrawOneHundredDollars(canvasElement);

    // The user is taken back to the amount, the value to change, and told why there.
    const amount = await dialog.findByLabelText('Amount (USD)');
    await waitFor(() => expect(amount).toHaveFocus());
    await expect(amount).toHaveValue('100');
    await expect(amount).toBeInvalid();
    await expect(amount).toHaveAccessibleDescription(
      'Up to $12,345.67 Your available balance is too low for this payout.',
    );
    await expect(dialog.queryByText('The payout wasn’t made')).toBeNull();
  },
};

export const WithdrawQuoteRefusedOnTheAmount: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/v1/embedded/payouts/quote', () =>
          refusal('amount_too_small', 'amount', 'An instant payout must be more than its fee (100).'),
        ),
        ...embeddedApiHandlers({ session: withFeatures({ instant_payouts: true }) }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Instant payout' }));
    const dialog = within(await canvas.findByRole('dialog', { name: 'Withdraw funds' }));
    await userEvent.type(dialog.getByLabelText('Amount (USD)'), '0.50');
    await userEvent.click(dialog.getByRole('button', { name: 'Review' }));
    await waitFor(() => expect(dialog.getByLabelText('Amount (USD)')).toHaveFocus());
    const amount = dialog.getByLabelText('Amount (USD)');
    await expect(amount).toBeInvalid();
    await expect(amount).toHaveAccessibleDescription(/This amount is below the smallest payout allowed\.$/);
    await expect(dialog.queryByRole('heading', { name: 'Check your payout' })).toBeNull();
  },
};

export const WithdrawRefusedForNoFieldKeepsTheBanner: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/v1/embedded/payouts', () =>
          refusal('payouts_not_allowed', undefined, 'Payouts are not enabled for account acct_1.'),
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { dialog } = await withdrawOneHundredDollars(canvasElement);
    const alert = await dialog.findByRole('alert');
    await expect(alert).toHaveTextContent('The payout wasn’t made');
    await expect(alert).toHaveTextContent('Payouts aren’t enabled for this account yet.');
    await expect(dialog.getByRole('heading', { name: 'Check your payout' })).toBeVisible();
  },
};

export const WithdrawInGermanReadsGermanNumbers: Story = {
  globals: { locale: 'de' },
  parameters: { msw: { handlers: embeddedApiHandlers() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const open = await canvas.findByRole('button', { name: 'Auszahlen' });
    await userEvent.click(open);
    const dialog = within(await canvas.findByRole('dialog'));
    await userEvent.type(dialog.getByLabelText('Betrag (USD)'), '1.234,56');
    await userEvent.keyboard('{Enter}');
    // German puts a no-break space between the amount and the currency sign.
    await expect(await dialog.findByRole('button', { name: /^1\.234,56\s\$ auszahlen$/ })).toBeVisible();
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const CustomAppearance: Story = { globals: { theme: 'custom' } };

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('heading', { name: '残高' })).toBeVisible();
  },
};
