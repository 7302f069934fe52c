export { AccountOnboarding } from './account-onboarding';
export type { AccountOnboardingProps } from './account-onboarding';
export type { OnboardingOptions, OnboardingStepChangeEvent } from './onboarding-flow';
export type { FlowPosition } from './onboarding-plan';
