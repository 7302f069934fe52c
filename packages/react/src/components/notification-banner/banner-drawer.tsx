import type { Account, CollectionOptions, Person } from '@atrium/core';
import { useI18n } from '../../provider/use-atrium';
import { Drawer } from '../../primitives/drawer/drawer';
import { BankAccountsPanel } from '../account-management/bank-accounts-panel';
import { OnboardingFlow } from '../account-onboarding/onboarding-flow';
import type { BannerOnboardingOptions, BannerTask } from './notification-banner';

export interface BannerDrawerProps {
  task: BannerTask;
  account: Account;
  persons: readonly Person[];
  collectionOptions: CollectionOptions | undefined;
  /** The terms links (and whether the platform collects the terms itself) for the review step. */
  onboarding: BannerOnboardingOptions;
  onClose: () => void;
}

/**
 * What a banner action opens in place: the onboarding steps for exactly the requirements the
 * notification is about, or the bank accounts after a failed payout. Loaded when first opened.
 */
export default function BannerDrawer({
  task,
  account,
  persons,
  collectionOptions,
  onboarding,
  onClose,
}: BannerDrawerProps) {
  const { t } = useI18n();
  return (
    <Drawer
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t(task.kind === 'bank_account' ? 'banner.drawer.bankTitle' : 'banner.drawer.title')}
    >
      {task.kind === 'requirements' ? (
        <OnboardingFlow
          {...onboarding}
          account={account}
          persons={persons}
          host="notification_banner"
          collectionOptions={{ ...collectionOptions, requirements: { only: task.requirements } }}
          onExit={onClose}
          hideSkip
        />
      ) : (
        <BankAccountsPanel account={account} host="notification_banner" />
      )}
    </Drawer>
  );
}
