import type { BusinessType, OnboardingStepName } from '@atrium/core';
import type { MessageKey } from '../../i18n/catalog';

const TITLES: Record<OnboardingStepName, MessageKey> = {
  business_type: 'onboarding.step.businessType',
  business_details: 'onboarding.step.businessDetails',
  representative: 'onboarding.step.representative',
  owners: 'onboarding.step.owners',
  bank_account: 'onboarding.step.bankAccount',
  documents: 'onboarding.step.documents',
  review: 'onboarding.step.review',
};

const DESCRIPTIONS: Record<OnboardingStepName, MessageKey> = {
  business_type: 'onboarding.step.businessType.description',
  business_details: 'onboarding.step.businessDetails.description',
  representative: 'onboarding.step.representative.description',
  owners: 'onboarding.step.owners.description',
  bank_account: 'onboarding.step.bankAccount.description',
  documents: 'onboarding.step.documents.description',
  review: 'onboarding.step.review.description',
};

/** A step's name; an individual gives their own details where a company names its representative. */
export function stepTitleKey(step: OnboardingStepName, businessType: BusinessType | null): MessageKey {
  if (step === 'representative' && businessType === 'individual') return 'onboarding.step.personal';
  return TITLES[step];
}

export function stepDescriptionKey(step: OnboardingStepName, businessType: BusinessType | null): MessageKey {
  if (step === 'representative' && businessType === 'individual') return 'onboarding.step.personal.description';
  return DESCRIPTIONS[step];
}
