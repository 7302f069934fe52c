export {
  CURRENCIES,
  ISO_4217_PUBLISHED,
  MAX_AMOUNT_MINOR,
  currencyExponent,
  currencySchema,
  isCurrency,
  maxAmountMinor,
} from './currency';
export type { Currency } from './currency';
export { addMinor, checkAmount, multiplyMinor, subtractMinor, sumMinor } from './arithmetic';
export type { AmountCheck, AmountProblem } from './arithmetic';
export {
  DEFAULT_INSTANT_PAYOUT_FEE,
  DEFAULT_PROCESSING_FEES,
  instantPayoutFeeMinor,
  percentOfMinor,
  processingFeeMinor,
  proportionalMinor,
  scheduledFeeMinor,
} from './fees';
export type { FeeSchedule, InstantPayoutFeeSchedule, ProcessingFeeConfig } from './fees';
export { formatMoney, minorToDecimal } from './format';
export { parseMoneyInput } from './parse';
export type { ParseMoneyProblem, ParseMoneyResult } from './parse';
