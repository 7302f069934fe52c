import { AtriumApiError } from '@atrium/client';
import { bankAccountParamsSchema, countrySpec, individualParamsSchema, personParamsSchema } from '@atrium/core';
import type { FieldError, FieldErrors, FieldValues, ResolverOptions } from 'react-hook-form';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createI18n } from '../../i18n/i18n';
import { fieldErrorText, isKeyedFieldError, serverErrorPath } from './field-errors';
import { bankParams, changedPerson, personValues } from './form-values';
import type { BankValues, PersonValues } from './form-values';
import { accountResolver } from './use-account-form';
import type { AccountFormConfig } from './use-account-form';
import { preloadLocale } from '../../i18n/preload';

/** What react-hook-form passes a resolver; these forms use none of it. */
function options<V extends FieldValues>(): ResolverOptions<V> {
  return { fields: {}, shouldUseNativeValidation: false };
}

/**
 * The errors as a form in `language` shows them: the resolver keeps each message's key, which
 * the form says in the language of its render.
 */
function said(errors: FieldErrors, language: string): unknown {
  const i18n = createI18n(language);
  const visit = (node: unknown): unknown => {
    if (typeof node !== 'object' || node === null) return node;
    if (typeof (node as FieldError).type === 'string') {
      const error = node as FieldError;
      // A message held as words would not follow a change of locale.
      if (!isKeyedFieldError(error, i18n)) throw new Error(`"${String(error.message)}" is not a message key`);
      return { type: error.type, message: fieldErrorText(error, i18n) };
    }
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, visit(child)]));
  };
  return visit(errors);
}

function personConfig(required: AccountFormConfig<PersonValues>['required'] = []) {
  const config: AccountFormConfig<PersonValues> = {
    defaultValues: personValues(undefined, 'US'),
    toParams: (values, defaults) => changedPerson(values, defaults, { relationship: false }),
    schema: (nowSeconds) => individualParamsSchema({ country: 'US', nowSeconds }),
    required,
    messages: { spec: countrySpec('US') },
  };
  return accountResolver(config);
}

const person = (changes: Partial<PersonValues>): PersonValues => ({ ...personValues(undefined, 'US'), ...changes });

// Non-English catalogs load on demand; these tests render in several languages, as a server
// would after preloadLocale.
beforeAll(async () => {
  await Promise.all(['fr', 'de', 'es', 'ja'].map(preloadLocale));
});

describe('accountResolver', () => {
  it('passes the checked parameters of what changed, normalized by the server’s schema', async () => {
    const result = await personConfig()(
      person({ first_name: ' Jenny ', phone: '(415) 555-2671' }),
      undefined,
      options(),
    );
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ first_name: 'Jenny', phone: '+14155552671' });
  });

  it('asks for due fields that are empty, in the user’s language', async () => {
    const result = await personConfig(['first_name', 'dob.day'])(person({}), undefined, options());
    expect(said(result.errors, 'fr')).toMatchObject({
      first_name: { type: 'required', message: 'Ce champ est obligatoire.' },
      dob: { day: { message: 'Ce champ est obligatoire.' } },
    });
  });

  it('keeps each message as a key, so the same error is said in whichever language the form renders', async () => {
    const result = await personConfig(['first_name'])(person({}), undefined, options());
    expect(result.errors).toMatchObject({ first_name: { type: 'required', message: 'fields.error.required' } });
    expect(said(result.errors, 'en')).toMatchObject({ first_name: { message: 'This field is required.' } });
    expect(said(result.errors, 'de')).toMatchObject({ first_name: { message: 'Dieses Feld ist erforderlich.' } });
  });

  it('puts a whole date of birth’s problem on its day, saying what is wrong', async () => {
    const tooYoung = { day: '1', month: '1', year: String(new Date().getUTCFullYear() - 10) };
    const result = await personConfig()(person({ dob: tooYoung }), undefined, options());
    expect(said(result.errors, 'de')).toEqual({
      dob: { day: { type: 'custom', message: 'Die Person muss mindestens 18 Jahre alt sein.' } },
    });
    const impossible = await personConfig()(
      person({ dob: { day: '31', month: '4', year: '1990' } }),
      undefined,
      options(),
    );
    expect(said(impossible.errors, 'en')).toMatchObject({ dob: { day: { message: 'Enter a real date of birth.' } } });
  });

  it('says an ownership out of range is not a percentage, rather than too long or missing', async () => {
    const owner = accountResolver<PersonValues>({
      defaultValues: personValues(undefined, 'DE'),
      toParams: (values, defaults) => changedPerson(values, defaults, { relationship: true }),
      schema: (nowSeconds) => personParamsSchema({ country: 'DE', nowSeconds }),
      required: [],
      messages: { spec: countrySpec('DE') },
    });
    const blank = personValues(undefined, 'DE');
    const withOwnership = (percent: string): PersonValues => ({
      ...blank,
      relationship: { ...blank.relationship, owner: true, percent_ownership: percent },
    });
    for (const percent of ['150', '101', '-5']) {
      const result = await owner(withOwnership(percent), undefined, options());
      expect(said(result.errors, 'en'), percent).toMatchObject({
        relationship: { percent_ownership: { message: 'Enter a percentage from 0 to 100.' } },
      });
    }
    expect((await owner(withOwnership('25'), undefined, options())).errors).toEqual({});
  });

  it('reports the country’s postcode rule on the postcode field', async () => {
    const address = { ...person({}).address, line1: '1 Main St', city: 'Austin', state: 'TX', postal_code: 'ABCDE' };
    const result = await personConfig()(person({ address }), undefined, options());
    expect(said(result.errors, 'es')).toEqual({
      address: { postal_code: { type: 'custom', message: 'Introduce un código postal válido.' } },
    });
  });

  it('accepts a description of what is sold instead of a website', async () => {
    type Profile = { business_profile: { url: string; product_description: string } };
    const config: AccountFormConfig<Profile> = {
      defaultValues: { business_profile: { url: '', product_description: '' } },
      toParams: () => ({}),
      schema: () => z.object({}),
      required: [{ path: 'business_profile.url', unless: 'business_profile.product_description' }],
      messages: { spec: countrySpec('US') },
    };
    const resolve = accountResolver(config);
    const missing = await resolve(config.defaultValues, undefined, options());
    expect(said(missing.errors, 'en')).toMatchObject({
      business_profile: { url: { message: 'Enter your website or describe what you sell.' } },
    });
    const described = { business_profile: { url: '', product_description: 'Vintage watches' } };
    expect((await resolve(described, undefined, options())).errors).toEqual({});
  });

  it('names the routing number of the bank’s own format', async () => {
    const config: AccountFormConfig<{ external_account: BankValues }> = {
      defaultValues: {
        external_account: {
          country: 'US',
          currency: 'usd',
          account_holder_name: '',
          account_holder_type: '',
          routing_number: '',
          account_number: '',
        },
      },
      toParams: (values) => ({ external_account: bankParams(values.external_account) }),
      schema: (nowSeconds) => z.object({ external_account: bankAccountParamsSchema({ country: 'US', nowSeconds }) }),
      required: [],
      messages: { spec: countrySpec('US') },
    };
    const values = {
      external_account: {
        ...config.defaultValues.external_account,
        routing_number: '110000001',
        account_number: '000123456789',
      },
    };
    const result = await accountResolver(config)(values, undefined, options());
    expect(said(result.errors, 'ja')).toEqual({
      external_account: {
        routing_number: { type: 'custom', message: '有効な 9 桁のルーティング番号を入力してください。' },
      },
    });
  });

  it('sends an IBAN without the routing number its schema sets to null', async () => {
    const empty = { account_holder_name: '', account_holder_type: '', routing_number: '', account_number: '' };
    const config: AccountFormConfig<{ external_account: BankValues }> = {
      defaultValues: { external_account: { country: 'DE', currency: 'eur', ...empty } },
      toParams: (values) => ({ external_account: bankParams(values.external_account) }),
      schema: (nowSeconds) => z.object({ external_account: bankAccountParamsSchema({ country: 'DE', nowSeconds }) }),
      required: [],
      messages: { spec: countrySpec('DE') },
    };
    const values = {
      external_account: { ...config.defaultValues.external_account, account_number: 'DE89 3704 0044 0532 0130 00' },
    };
    const result = await accountResolver(config)(values, undefined, options());
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      external_account: {
        object: 'bank_account',
        country: 'DE',
        currency: 'eur',
        account_number: 'DE89370400440532013000',
      },
    });
  });
});

describe('fieldErrorText', () => {
  it('says a keyed error in the given language, and words that are no key as they are', () => {
    const error = { type: 'server', message: 'fields.error.required' };
    expect(isKeyedFieldError(error, createI18n('en'))).toBe(true);
    expect(fieldErrorText(error, createI18n('en'))).not.toBe(fieldErrorText(error, createI18n('de')));
    expect(fieldErrorText(undefined, createI18n('en'))).toBeUndefined();
    expect(isKeyedFieldError({ type: 'server', message: 'Invalid postcode' }, createI18n('en'))).toBe(false);
    expect(fieldErrorText({ type: 'server', message: 'Invalid postcode' }, createI18n('en'))).toBe('Invalid postcode');
  });
});

describe('serverErrorPath', () => {
  const refusal = (param: string, status = 400) =>
    new AtriumApiError({ status, type: 'invalid_request_error', message: 'Invalid', param });
  const known = new Set(['address.postal_code', 'dob.day', 'routing_number']);

  it('maps a bracketed parameter under the form’s hash onto its field', () => {
    expect(serverErrorPath(refusal('individual[address][postal_code]'), 'individual', (path) => known.has(path))).toBe(
      'address.postal_code',
    );
    expect(serverErrorPath(refusal('individual[dob]'), 'individual', (path) => known.has(path))).toBe('dob.day');
  });

  it('leaves a refusal that belongs to no field of the form to the form as a whole', () => {
    expect(serverErrorPath(refusal('company[name]'), 'individual', (path) => known.has(path))).toBeUndefined();
    expect(serverErrorPath(refusal('individual[email]'), 'individual', (path) => known.has(path))).toBeUndefined();
    expect(serverErrorPath(refusal('routing_number', 500), '', (path) => known.has(path))).toBeUndefined();
    expect(serverErrorPath(new Error('offline'), '', () => true)).toBeUndefined();
  });
});
