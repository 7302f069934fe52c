import { useEffect } from 'react';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { useAccountQueries } from '../account-forms/account-queries';
import { OnboardingFlow } from './onboarding-flow';
import type { OnboardingOptions } from './onboarding-flow';
import { loadFormRuntime } from './step-content';

export interface AccountOnboardingProps extends CommonComponentProps, OnboardingOptions {}

/**
 * Onboarding inside the platform's page, with no pop-ups and no redirects: the steps the
 * requirements engine asks for (business type, business details, representative, owners and
 * directors, bank account, documents, review and terms), each checked with the server's own
 * schemas and saved on its own, then what happens next. A returning user resumes at the first
 * step with something due.
 */
export function AccountOnboarding({ onLoaderStart, onLoadError, ...options }: AccountOnboardingProps) {
  const { account, persons } = useAccountQueries();
  // The code every step form uses downloads while the account loads, not after.
  useEffect(loadFormRuntime, []);
  return (
    <EmbeddedComponent
      component="account_onboarding"
      queries={[account, persons]}
      onLoaderStart={onLoaderStart}
      onLoadError={onLoadError}
    >
      {(data, list) => <OnboardingFlow account={data} persons={list.data} host="account_onboarding" {...options} />}
    </EmbeddedComponent>
  );
}
