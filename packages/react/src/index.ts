export { AtriumProvider } from './provider/atrium-provider';
export type { AtriumProviderProps } from './provider/atrium-provider';
export type { CommonComponentProps, LoadError, LoadErrorEvent, LoaderStartEvent } from './embedded/common-props';
export type { Appearance, AppearanceVariables } from './theme/appearance';
export { LANGUAGES, resolveLocale } from './i18n/catalog';
export { preloadLocale } from './i18n/preload';
export type { Language } from './i18n/catalog';
export {
  AtriumApiError,
  AtriumError,
  AtriumNetworkError,
  AtriumResponseError,
  AtriumSessionError,
} from '@atrium/client';
export * from './components/account-onboarding';
export * from './components/notification-banner';
export * from './components/account-management';
export * from './components/balances';
export * from './components/payouts';
export * from './components/payouts-list';
export * from './components/payout-details';
export * from './components/payments';
export * from './components/payment-details';
export * from './components/transfers-list';
