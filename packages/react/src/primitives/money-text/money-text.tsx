import { useI18n } from '../../provider/use-atrium';

export interface MoneyTextProps {
  /** Integer minor units (cents for USD, yen for JPY). */
  amount: number;
  /** Lowercase ISO 4217 code. */
  currency: string;
}

/** An amount in the user's locale with the currency's exact decimals; `data-sign` allows styling. */
export function MoneyText({ amount, currency }: MoneyTextProps) {
  const { formatMoney } = useI18n();
  const sign = amount < 0 ? 'negative' : amount > 0 ? 'positive' : 'zero';
  return (
    <span className="atr-money" data-sign={sign}>
      {formatMoney(amount, currency)}
    </span>
  );
}
