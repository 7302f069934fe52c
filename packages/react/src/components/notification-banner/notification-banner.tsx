import type { Account, CollectionOptions, Payout, Person } from '@atrium/core';
import { Suspense, useEffect, useEffectEvent, useState } from 'react';
import { lazyPart } from '../../embedded/lazy-part';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import type { MessageKey } from '../../i18n/catalog';
import type { I18n } from '../../i18n/i18n';
import type { BadgeTone } from '../../primitives/badge/badge';
import { useI18n } from '../../provider/use-atrium';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { useGrant } from '../../data/use-atrium-session';
import { AccountStyles } from '../account-forms/account-styles';
import { useAccountQueries } from '../account-forms/account-queries';
import { accountNotifications, needsAction } from './notifications';
import type { Notification } from './notifications';
import { useFailedPayout } from './use-failed-payout';
import type { OnboardingOptions } from '../account-onboarding/onboarding-flow';

const BannerDrawer = lazyPart(() => import('./banner-drawer'));

/** Sent to `onNotificationsChange`: how many notifications show, and how many ask for action. */
export interface NotificationsChangeEvent {
  total: number;
  actionRequired: number;
}

/** What the onboarding a banner action opens takes from the platform, as `AccountOnboarding` does. */
export type BannerOnboardingOptions = Pick<
  OnboardingOptions,
  'fullTermsOfServiceUrl' | 'privacyPolicyUrl' | 'skipTermsOfServiceCollection'
>;

export interface NotificationBannerProps extends CommonComponentProps, BannerOnboardingOptions {
  onNotificationsChange?: (event: NotificationsChangeEvent) => void;
  /** Which requirements the onboarding it opens may collect, as `AccountOnboarding`'s. */
  collectionOptions?: CollectionOptions;
}

/** What an action opens in place: onboarding scoped to some requirements, or the bank accounts. */
export type BannerTask = { kind: 'requirements'; requirements: string[] } | { kind: 'bank_account' };

const PAYOUT_FAILURES: Record<string, MessageKey> = {
  account_closed: 'banner.payoutFailed.accountClosed',
  no_account: 'banner.payoutFailed.noAccount',
  invalid_account_number: 'banner.payoutFailed.noAccount',
  insufficient_funds: 'banner.payoutFailed.refused',
  debit_not_authorized: 'banner.payoutFailed.refused',
  invalid_currency: 'banner.payoutFailed.currency',
};

/**
 * What the account must do now: failed checks, requirements past due or due by a deadline, a
 * failed payout, or a restriction, each with an action that opens the right form in place.
 * Renders nothing when there is nothing to say.
 */
export function NotificationBanner({ onLoaderStart, onLoadError, ...props }: NotificationBannerProps) {
  const { account, persons } = useAccountQueries();
  const payout = useFailedPayout();
  return (
    <EmbeddedComponent
      component="notification_banner"
      queries={[account, persons, payout]}
      onLoaderStart={onLoaderStart}
      onLoadError={onLoadError}
      loading={<></>}
    >
      {(data, list, failed) => <Notifications account={data} persons={list.data} failedPayout={failed} {...props} />}
    </EmbeddedComponent>
  );
}

interface NotificationsProps extends Omit<NotificationBannerProps, keyof CommonComponentProps> {
  account: Account;
  persons: readonly Person[];
  failedPayout: Payout | null;
}

function Notifications({
  account,
  persons,
  failedPayout,
  onNotificationsChange,
  collectionOptions,
  ...onboarding
}: NotificationsProps) {
  const { t } = useI18n();
  const [task, setTask] = useState<BannerTask | undefined>(undefined);
  const notifications = accountNotifications(account, failedPayout);
  const total = notifications.length;
  const actionRequired = notifications.filter(needsAction).length;
  const report = useEffectEvent(() => onNotificationsChange?.({ total, actionRequired }));
  useEffect(() => report(), [total, actionRequired]);
  if (total === 0 && task === undefined) return null;
  return (
    <section className="atr-notifications" aria-label={t('banner.label')}>
      <AccountStyles />
      {notifications.map((notification) => (
        <NotificationItem key={notification.kind} notification={notification} onAction={setTask} />
      ))}
      {task && (
        <Suspense fallback={null}>
          <BannerDrawer
            task={task}
            account={account}
            persons={persons}
            collectionOptions={collectionOptions}
            onboarding={onboarding}
            onClose={() => setTask(undefined)}
          />
        </Suspense>
      )}
    </section>
  );
}

/** What one notification shows: its tone, title and words, and the action that resolves it. */
interface NotificationView {
  tone: BadgeTone;
  title: MessageKey;
  body: string;
  action?: { label: MessageKey; task: BannerTask } | undefined;
}

function notificationView(notification: Notification, i18n: I18n, updatesBank: boolean): NotificationView {
  const { t } = i18n;
  const collect = (requirements: string[]): BannerTask => ({ kind: 'requirements', requirements });
  switch (notification.kind) {
    case 'verification_failed':
      return {
        tone: 'danger',
        title: 'banner.failed.title',
        body: t('banner.failed.body'),
        action: { label: 'banner.action.fix', task: collect(notification.requirements) },
      };
    case 'requirements_past_due':
      return {
        tone: 'danger',
        title: 'banner.pastDue.title',
        body: t('banner.pastDue.body'),
        action: { label: 'banner.action.provide', task: collect(notification.requirements) },
      };
    case 'requirements_due':
      return {
        tone: 'warning',
        title: 'banner.due.title',
        body:
          notification.deadline === null
            ? t('banner.due.body')
            : t('banner.due.bodyDeadline', { date: i18n.formatDate(notification.deadline) }),
        action: { label: 'banner.action.provide', task: collect(notification.requirements) },
      };
    case 'payout_failed':
      return {
        tone: 'danger',
        title: 'banner.payoutFailed.title',
        body: t('banner.payoutFailed.body', {
          amount: i18n.formatMoney(notification.payout.amount, notification.payout.currency),
          date: i18n.formatDate(notification.payout.arrival_date),
          reason: t(PAYOUT_FAILURES[notification.payout.failure_code ?? ''] ?? 'banner.payoutFailed.other'),
        }),
        action: updatesBank ? { label: 'banner.action.updateBank', task: { kind: 'bank_account' } } : undefined,
      };
    case 'account_restricted':
      return { tone: 'danger', title: 'banner.restricted.title', body: t('banner.restricted.body') };
    case 'verification_pending':
      return { tone: 'info', title: 'banner.pending.title', body: t('banner.pending.body') };
  }
}

function NotificationItem({
  notification,
  onAction,
}: {
  notification: Notification;
  onAction: (task: BannerTask) => void;
}) {
  const i18n = useI18n();
  const view = notificationView(notification, i18n, useGrant('notification_banner', 'external_account_collection'));
  const { action } = view;
  return (
    <Banner
      tone={view.tone}
      title={i18n.t(view.title)}
      action={
        action && (
          <Button variant="primary" size="sm" onClick={() => onAction(action.task)}>
            {i18n.t(action.label)}
          </Button>
        )
      }
    >
      {view.body}
    </Banner>
  );
}
