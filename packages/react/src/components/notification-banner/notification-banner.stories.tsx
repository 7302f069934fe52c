import type { Meta, StoryObj } from '@storybook/react-vite';
import { http, HttpResponse } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { buildList, buildPayout, FIXTURE_NOW_SECONDS } from '../../testing/fixtures';
import { accountScenario } from '../account-forms/mock/account-handlers';
import type { AccountScenarioOptions } from '../account-forms/mock/account-handlers';
import {
  individualDetailsGiven,
  individualStarted,
  individualSubmitted,
} from '../account-forms/mock/account-scenarios';
import type { MockAccountState } from '../account-forms/mock/mock-account';
import { NotificationBanner } from './notification-banner';

const meta = {
  title: 'Components/NotificationBanner',
  component: NotificationBanner,
  args: { onLoaderStart: fn(), onLoadError: fn(), onNotificationsChange: fn() },
} satisfies Meta<typeof NotificationBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

const SLOW = { timeout: 5_000 };

function over(
  make: () => MockAccountState,
  options: AccountScenarioOptions = {},
): Pick<Story, 'beforeEach' | 'parameters'> {
  const scenario = accountScenario(make, options);
  return { beforeEach: scenario.reset, parameters: { msw: { handlers: scenario.handlers } } };
}

/** The payouts route answering with one payout that failed on the account's bank account. */
const failedPayouts = http.get('*/v1/embedded/payouts', () =>
  HttpResponse.json(
    buildList(
      [
        buildPayout({
          id: 'po_1StoryFailedPayout000000',
          status: 'failed',
          amount: 125_000,
          arrival_date: FIXTURE_NOW_SECONDS - 86_400,
          destination: 'ba_1MockBankAccount0000000',
          failure_code: 'account_closed',
          failure_message: 'The bank account has been closed.',
        }),
      ],
      '/v1/payouts',
    ),
  ),
);

export const NothingToSay: Story = {
  ...over(() => individualSubmitted('verified')),
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.onNotificationsChange).toHaveBeenCalledWith({ total: 0, actionRequired: 0 }));
    await expect(within(canvasElement).queryByRole('region')).toBeNull();
    await expect(canvasElement.querySelector('.atr-banner')).toBeNull();
  },
};

export const Loading: Story = {
  ...over(() => individualStarted('US'), { delayMs: 'infinite' }),
  play: async ({ canvasElement, args }) => {
    await waitFor(() => expect(args.onLoaderStart).toHaveBeenCalledWith({ component: 'notification_banner' }));
    await expect(within(canvasElement).queryByRole('status')).toBeNull();
  },
};

export const RequirementsPastDue: Story = {
  ...over(() => individualStarted('US')),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const action = await canvas.findByRole('button', { name: 'Provide information' });
    await expect(canvas.getByText('Payments and payouts are paused')).toBeVisible();
    await waitFor(() => expect(args.onNotificationsChange).toHaveBeenCalledWith({ total: 1, actionRequired: 1 }));
    await userEvent.click(action);
    const drawer = await canvas.findByRole('dialog', { name: 'Update your information' });
    await expect(await within(drawer).findByRole('heading', { name: 'Business details' })).toBeVisible();
    await userEvent.selectOptions(await within(drawer).findByLabelText('Industry', {}, SLOW), '5944');
    await userEvent.type(within(drawer).getByLabelText('Business website'), 'ticktock.example');
    await userEvent.click(within(drawer).getByRole('button', { name: 'Save and continue' }));
    await expect(await within(drawer).findByRole('heading', { name: 'Personal details' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Provide information' })).toHaveFocus());
  },
};

/** The terms are all that is left: the banner opens the review, which links the platform's terms. */
export const TermsToAccept: Story = {
  ...over(() => individualDetailsGiven('US')),
  args: {
    fullTermsOfServiceUrl: 'https://platform.example/terms',
    privacyPolicyUrl: 'https://platform.example/privacy',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Provide information' }));
    const drawer = await canvas.findByRole('dialog', { name: 'Update your information' });
    await expect(await within(drawer).findByRole('heading', { name: 'Review and submit' }, SLOW)).toBeVisible();
    await expect(
      await within(drawer).findByRole('checkbox', {
        name: 'I agree to the services agreement and the privacy policy.',
      }),
    ).not.toBeChecked();
    await expect(within(drawer).getByRole('link', { name: 'services agreement' })).toHaveAttribute(
      'href',
      'https://platform.example/terms',
    );
    await expect(within(drawer).getByRole('link', { name: 'privacy policy' })).toHaveAttribute(
      'href',
      'https://platform.example/privacy',
    );
  },
};

export const RequirementsDueByADeadline: Story = {
  ...over(() => ({ ...individualSubmitted('verified'), nowSeconds: FIXTURE_NOW_SECONDS + 31 * 86_400 })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('More information is needed')).toBeVisible();
    await expect(canvas.getByText(/Provide it by Jul 29, 2025/)).toBeVisible();
  },
};

export const VerificationFailed: Story = {
  ...over(() => individualSubmitted('ssn_failed')),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Fix now' }));
    const drawer = await canvas.findByRole('dialog', { name: 'Update your information' });
    await expect(await within(drawer).findByRole('heading', { name: 'Personal details' })).toBeVisible();
    await expect(within(drawer).getByText(/The identity details couldn’t be verified/)).toBeVisible();
    await expect(within(drawer).getByText('Documents')).toBeVisible();
    await expect(args.onNotificationsChange).toHaveBeenCalledWith({ total: 1, actionRequired: 1 });
  },
};

export const ChecksRunning: Story = {
  ...over(() => individualSubmitted('pending')),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('We’re verifying your information')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
    await waitFor(() => expect(args.onNotificationsChange).toHaveBeenCalledWith({ total: 1, actionRequired: 0 }));
  },
};

export const PayoutFailed: Story = {
  ...over(() => individualSubmitted('verified'), { extra: [failedPayouts] }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('A payout failed')).toBeVisible();
    await expect(canvas.getByText(/Your payout of \$1,250\.00 .* The bank account has been closed\./)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Update bank account' }));
    const drawer = await canvas.findByRole('dialog', { name: 'Update your bank account' });
    await userEvent.click(await within(drawer).findByRole('button', { name: 'Replace' }));
    await expect(await within(drawer).findByLabelText('Routing number', {}, SLOW)).toBeVisible();
  },
};

export const AccountRestricted: Story = {
  ...over(() => ({ ...individualSubmitted('verified'), rejectedReason: 'fraud' as const })),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Your account is restricted')).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const PayoutsRouteMissing: Story = {
  ...over(() => individualSubmitted('verified'), {
    extra: [
      http.get('*/v1/embedded/payouts', () =>
        HttpResponse.json(
          { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'Unrecognized request URL.' } },
          { status: 404 },
        ),
      ),
    ],
  }),
  play: async ({ args }) => {
    await waitFor(() => expect(args.onNotificationsChange).toHaveBeenCalledWith({ total: 0, actionRequired: 0 }));
    await expect(args.onLoadError).not.toHaveBeenCalled();
  },
};

export const PastDueInFrench: Story = {
  ...over(() => individualStarted('FR')),
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Fournir les informations' })).toBeVisible();
  },
};

export const SeveralInJapaneseDark: Story = {
  ...over(() => ({ ...individualSubmitted('ssn_failed') }), { extra: [failedPayouts] }),
  globals: { locale: 'ja', theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('入金に失敗しました')).toBeVisible();
    await expect(canvas.getByText('一部の情報を確認できませんでした')).toBeVisible();
  },
};
