import { AtriumApiError, AtriumNetworkError, AtriumSessionError } from '@atrium/client';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ErrorState } from './error-state';

const serverError = new AtriumApiError({
  status: 500,
  type: 'api_error',
  message: 'An unexpected error occurred.',
  requestId: 'req_8d2f0c1e',
});

const meta = {
  title: 'Primitives/ErrorState',
  component: ErrorState,
  args: { error: serverError, onRetry: fn() },
} satisfies Meta<typeof ErrorState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ServerError: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('alert')).toHaveTextContent('Request ID: req_8d2f0c1e');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

export const NetworkError: Story = { args: { error: new AtriumNetworkError('offline') } };

export const SessionError: Story = {
  args: { error: new AtriumSessionError('fetchClientSecret failed'), onRetry: undefined },
};

export const SessionExpired: Story = {
  args: {
    error: new AtriumApiError({
      status: 401,
      type: 'authentication_error',
      code: 'session_expired',
      message: 'Expired.',
    }),
  },
};

export const NotGranted: Story = {
  args: {
    error: new AtriumApiError({ status: 403, type: 'permission_error', code: 'component_not_granted', message: 'No.' }),
    onRetry: undefined,
  },
};

export const NotFound: Story = {
  args: {
    error: new AtriumApiError({ status: 404, type: 'invalid_request_error', code: 'resource_missing', message: 'No.' }),
  },
};

export const RateLimited: Story = {
  args: { error: new AtriumApiError({ status: 429, type: 'rate_limit_error', message: 'Slow down.' }) },
};

export const UnexpectedError: Story = { args: { error: new Error('boom'), title: 'We couldn’t load your payouts' } };

export const Dark: Story = { globals: { theme: 'dark' } };

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: '再試行' })).toBeVisible();
  },
};
