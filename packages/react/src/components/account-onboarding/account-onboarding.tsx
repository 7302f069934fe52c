import { useEffect } from 'react';
import type { CommonComponentProps } from '../../embedded/common-props';
import { EmbeddedComponent } from '../../embedded/embedded-component';
import { useAccountQueries } from '../account-forms/account-queries';
import { loadStepContent, OnboardingFlow } from './onboarding-flow';
import type { OnboardingOptions } from './onboarding-flow';

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
  // The step forms download while the account loads, not after.
  useEffect(() => {
    void loadStepContent();
  }, []);
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
