import { listSchema, payoutSchema } from '@atrium/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { useAtriumQuery } from '../data/use-atrium-query';
import { StatusBadge } from '../primitives/badge/badge';
import { MoneyText } from '../primitives/money-text/money-text';
import { embeddedApiHandlers } from '../storybook/msw-handlers';
import type { CommonComponentProps } from './common-props';
import { EmbeddedComponent } from './embedded-component';

/** A minimal component on the shell, as the real ones are built: a query, the shell, the view. */
function RecentPayouts(props: CommonComponentProps) {
  const payouts = useAtriumQuery('/payouts', { query: { limit: 3 }, schema: listSchema(payoutSchema) });
  return (
    <EmbeddedComponent component="payouts" queries={[payouts]} {...props}>
      {(list) => (
        <ul>
          {list.data.map((payout) => (
            <li key={payout.id}>
              <MoneyText amount={payout.amount} currency={payout.currency} />{' '}
              <StatusBadge kind="payout" status={payout.status} />
            </li>
          ))}
        </ul>
      )}
    </EmbeddedComponent>
  );
}

const meta = {
  title: 'Foundation/Component shell',
  component: RecentPayouts,
  args: { onLoaderStart: fn(), onLoadError: fn() },
} satisfies Meta<typeof RecentPayouts>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Loaded: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const rows = await canvas.findAllByRole('listitem');
    await expect(rows).toHaveLength(3);
    for (const row of rows) await expect(row).toHaveTextContent(/\$[\d,]+\.\d{2}\s*(Paid|In transit|Failed|Pending)/);
    await expect(args.onLoaderStart).toHaveBeenCalledTimes(1);
    await expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'payouts' });
    await expect(args.onLoadError).not.toHaveBeenCalled();
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ delayMs: 'infinite' }) } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading…');
    await expect(canvasElement.querySelector('[data-atrium-component="payouts"]')).toHaveAttribute('aria-busy', 'true');
    await expect(args.onLoaderStart).toHaveBeenCalledTimes(1);
  },
};

// The BFF fails until the play function lets it recover: a `once` handler could be used up by
// the refetch the provider makes when the test browser's window gains focus.
let bffDown = true;

export const ServerErrorThenRetry: Story = {
  beforeEach: () => {
    bffDown = true;
  },
  parameters: {
    msw: {
      handlers: [
        http.get('*/v1/embedded/payouts', () =>
          bffDown
            ? HttpResponse.json(
                { error: { type: 'api_error', message: 'The database is unavailable.' } },
                { status: 503, headers: { 'Request-Id': 'req_story_503' } },
              )
            : undefined,
        ),
        ...embeddedApiHandlers(),
      ],
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong on our side');
    await expect(alert).toHaveTextContent('Request ID: req_story_503');
    await expect(args.onLoadError).toHaveBeenCalledWith({
      component: 'payouts',
      error: {
        type: 'api_error',
        code: undefined,
        message: 'The database is unavailable.',
        requestId: 'req_story_503',
      },
    });
    bffDown = false;
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('$2,500.00')).toBeVisible();
  },
};

export const SessionExpiredRecovers: Story = {
  parameters: { msw: { handlers: embeddedApiHandlers({ expireFirstSession: true }) } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('$2,500.00')).toBeVisible();
    await expect(args.onLoadError).not.toHaveBeenCalled();
  },
};

export const ComponentNotGranted: Story = {
  parameters: {
    msw: { handlers: embeddedApiHandlers({ session: { components: { balances: { enabled: true, features: {} } } } }) },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This feature isn’t available for this account.');
    await expect(canvas.queryByRole('button', { name: 'Try again' })).toBeNull();
    await waitFor(() =>
      expect(args.onLoadError).toHaveBeenCalledWith({
        component: 'payouts',
        error: {
          type: 'permission_error',
          code: 'component_not_granted',
          message: 'This account session does not enable the payouts component.',
          requestId: undefined,
        },
      }),
    );
  },
};

export const NetworkDown: Story = {
  parameters: {
    msw: { handlers: [http.get('*/v1/embedded/payouts', () => HttpResponse.error()), ...embeddedApiHandlers()] },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('We couldn’t reach the server.');
    await expect(args.onLoadError).toHaveBeenCalledWith({
      component: 'payouts',
      error: {
        type: 'api_connection_error',
        code: undefined,
        message: 'GET /v1/embedded/payouts?limit=3 failed before an answer arrived.',
        requestId: undefined,
      },
    });
  },
};

export const Dark: Story = { globals: { theme: 'dark' } };

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('$2,500.00')).toBeVisible();
    await expect(within(canvasElement).getByText('送金中')).toBeVisible();
  },
};
