import { lazy } from 'react';

/*
 * The edit forms load when a section is first edited: a page that only shows the account's
 * details does not download react-hook-form and the field checks.
 */

export const loadForms = () =>
  Promise.all([
    import('../account-forms/forms/business-details-form'),
    import('../account-forms/forms/person-form'),
    import('../account-forms/forms/bank-account-form'),
  ]);

export const LazyBusinessDetailsForm = lazy(() =>
  import('../account-forms/forms/business-details-form').then((module) => ({ default: module.BusinessDetailsForm })),
);

export const LazyPersonForm = lazy(() =>
  import('../account-forms/forms/person-form').then((module) => ({ default: module.PersonForm })),
);

export const LazyBankAccountForm = lazy(() =>
  import('../account-forms/forms/bank-account-form').then((module) => ({ default: module.BankAccountForm })),
);
