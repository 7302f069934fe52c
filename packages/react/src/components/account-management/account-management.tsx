import type { Account, Person } from '@atrium/core';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { useAccountQueries } from '../account-forms/account-queries';
import { AccountStyles } from '../account-forms/account-styles';
import { BankAccountsSection } from './bank-accounts-section';
import { BusinessSection } from './business-section';
import { PeopleSection } from './people-section';
import type { ManagementSection } from './section-props';

/** Sent to `onSectionOpen` when the user starts editing something in a section. */
export interface SectionOpenEvent {
  section: ManagementSection;
}

export interface AccountManagementProps extends CommonComponentProps {
  onSectionOpen?: (event: SectionOpenEvent) => void;
}

/**
 * The account's details after onboarding, section by section: business details, people and bank
 * accounts, each shown as it is on file and edited in place with the onboarding's own forms.
 */
export function AccountManagement({ onLoaderStart, onLoadError, onSectionOpen }: AccountManagementProps) {
  const { account, persons } = useAccountQueries();
  return (
    <EmbeddedComponent
      component="account_management"
      queries={[account, persons]}
      onLoaderStart={onLoaderStart}
      onLoadError={onLoadError}
    >
      {(data, list) => <Sections account={data} persons={list.data} onSectionOpen={onSectionOpen} />}
    </EmbeddedComponent>
  );
}

function Sections({
  account,
  persons,
  onSectionOpen,
}: {
  account: Account;
  persons: readonly Person[];
  onSectionOpen: AccountManagementProps['onSectionOpen'];
}) {
  const opened = (section: ManagementSection) => onSectionOpen?.({ section });
  return (
    <div className="atr-management">
      <AccountStyles />
      <BusinessSection account={account} persons={persons} onOpen={() => opened('business_details')} />
      <PeopleSection account={account} persons={persons} onOpen={() => opened('people')} />
      <BankAccountsSection account={account} persons={persons} onOpen={() => opened('bank_accounts')} />
    </div>
  );
}
