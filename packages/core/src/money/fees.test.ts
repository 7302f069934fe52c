import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROCESSING_FEES,
  instantPayoutFeeMinor,
  percentOfMinor,
  processingFeeMinor,
  proportionalMinor,
  scheduledFeeMinor,
} from './fees';

describe('percentOfMinor', () => {
  it('rounds half-up on the minor unit', () => {
    expect(percentOfMinor(1050, 290)).toBe(30); // 30.45
    expect(percentOfMinor(1550, 290)).toBe(45); // 44.95
    expect(percentOfMinor(50, 100)).toBe(1); // 0.5 rounds up
    expect(percentOfMinor(49, 100)).toBe(0); // 0.49
    expect(percentOfMinor(0, 290)).toBe(0);
  });

  it('is exact for the largest amounts, with no float in the way', () => {
    expect(percentOfMinor(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(percentOfMinor(999_999_999, 290)).toBe(29_000_000); // 28,999,999.971
  });

  it('never differs from the exact value by more than half a minor unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10_000 }), (amount, bps) => {
        const fee = BigInt(percentOfMinor(amount, bps));
        const exactTimes10k = BigInt(amount) * BigInt(bps);
        const errorTimes10k = fee * 10_000n - exactTimes10k;
        expect(errorTimes10k <= 5_000n && errorTimes10k > -5_000n).toBe(true);
      }),
    );
  });

  it('refuses negative or fractional inputs', () => {
    expect(() => percentOfMinor(-1, 290)).toThrow(RangeError);
    expect(() => percentOfMinor(100, 2.9)).toThrow(RangeError);
  });
});

describe('processing fees', () => {
  it('are 2.9% + 30 by default: 3.20 on 100.00 USD', () => {
    expect(processingFeeMinor(10_000, 'usd')).toBe(320);
    expect(scheduledFeeMinor(10_000, DEFAULT_PROCESSING_FEES.default)).toBe(320);
  });

  it('apply the default in minor units of any currency: 30 yen, 0.030 KWD', () => {
    expect(processingFeeMinor(10_000, 'jpy')).toBe(320); // 290 + 30 yen
    expect(processingFeeMinor(12_345, 'kwd')).toBe(388); // 358.005 rounds to 358, plus 30
  });

  it('follow a per-currency schedule when configured', () => {
    const config = { default: DEFAULT_PROCESSING_FEES.default, byCurrency: { jpy: { bps: 360, fixedMinor: 0 } } };
    expect(processingFeeMinor(10_000, 'jpy', config)).toBe(360);
    expect(processingFeeMinor(10_000, 'usd', config)).toBe(320);
  });
});

describe('instant payout fees', () => {
  it('are 1% with a minimum of 0.50 in the currency', () => {
    expect(instantPayoutFeeMinor(100_000, 'usd')).toBe(1000);
    expect(instantPayoutFeeMinor(2000, 'usd')).toBe(50);
    expect(instantPayoutFeeMinor(2000, 'kwd')).toBe(500);
    expect(instantPayoutFeeMinor(200_000, 'kwd')).toBe(2000);
  });

  it('round a minimum of half a yen up to 1 yen', () => {
    expect(instantPayoutFeeMinor(20, 'jpy')).toBe(1);
    expect(instantPayoutFeeMinor(10_000, 'jpy')).toBe(100);
  });
});

describe('proportionalMinor', () => {
  it('gives back the proportional share, rounded half-up', () => {
    expect(proportionalMinor(1000, 2500, 10_000)).toBe(250);
    expect(proportionalMinor(1000, 3333, 10_000)).toBe(333); // 333.3
    expect(proportionalMinor(5, 1, 2)).toBe(3); // 2.5
    expect(proportionalMinor(1000, 10_000, 10_000)).toBe(1000);
  });

  it('refuses a part larger than the whole or a zero whole', () => {
    expect(() => proportionalMinor(10, 3, 2)).toThrow(RangeError);
    expect(() => proportionalMinor(10, 0, 0)).toThrow(RangeError);
  });
});
