import { lazyPart } from '../../embedded/lazy-part';

/*
 * The edit forms load when a section is first edited: a page that only shows the account's
 * details does not download react-hook-form and the field checks.
 */

export const LazyBusinessDetailsForm = lazyPart(async () => ({
  default: (await import('../account-forms/forms/business-details-form')).BusinessDetailsForm,
}));

export const LazyPersonForm = lazyPart(async () => ({
  default: (await import('../account-forms/forms/person-form')).PersonForm,
}));

export const LazyBankAccountForm = lazyPart(async () => ({
  default: (await import('../account-forms/forms/bank-account-form')).BankAccountForm,
}));
