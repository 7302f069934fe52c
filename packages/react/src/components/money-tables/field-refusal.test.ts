import { AtriumApiError, AtriumNetworkError } from '@atrium/client';
import { describe, expect, it } from 'vitest';
import { fieldRefusal } from './field-refusal';

const refusal = (init: { status?: number; code?: string; param?: string }) =>
  new AtriumApiError({ status: 400, type: 'invalid_request_error', message: 'Refused in English.', ...init });

const CODES = { amount_too_large: 'money.refund.error.tooLarge' } as const;

describe('fieldRefusal', () => {
  it('puts a refusal on the field its param names, in the user’s words for its code', () => {
    expect(fieldRefusal(refusal({ code: 'amount_too_large', param: 'amount' }), ['amount', 'reason'], CODES)).toEqual({
      field: 'amount',
      message: { key: 'money.refund.error.tooLarge' },
    });
  });

  it('says "check this value" for a refusal of a field it has no words for', () => {
    expect(fieldRefusal(refusal({ code: 'parameter_invalid', param: 'reason' }), ['amount', 'reason'], CODES)).toEqual({
      field: 'reason',
      message: { key: 'fields.error.invalid' },
    });
  });

  it('leaves to the form as a whole a refusal of no field, of a field not shown, or another failure', () => {
    expect(fieldRefusal(refusal({ code: 'charge_already_refunded', param: 'charge' }), ['amount'], CODES)).toBe(
      undefined,
    );
    expect(fieldRefusal(refusal({ code: 'amount_too_large', param: 'amount' }), ['reason'], CODES)).toBe(undefined);
    expect(fieldRefusal(refusal({ code: 'payouts_not_allowed' }), ['amount'], CODES)).toBe(undefined);
    expect(fieldRefusal(refusal({ status: 409, code: 'idempotency_error', param: 'amount' }), ['amount'], CODES)).toBe(
      undefined,
    );
    expect(fieldRefusal(new AtriumNetworkError('offline'), ['amount'], CODES)).toBe(undefined);
    expect(fieldRefusal(undefined, ['amount'], CODES)).toBe(undefined);
  });
});
