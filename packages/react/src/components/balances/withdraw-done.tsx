import type { Payout } from '@atrium/core';
import { DoneStep } from '../money-tables/done-step';
import { useMoneyI18n } from '../money-tables/use-money-i18n';

/** The last step: the payout was created, how much and when it should arrive. */
export function WithdrawDone({ payout, onDone }: { payout: Payout; onDone: () => void }) {
  const { t, formatMoney, formatDate } = useMoneyI18n();
  return (
    <DoneStep title={t('money.withdraw.doneTitle')} onDone={onDone}>
      <p className="atr-paragraph">
        {t('money.withdraw.doneBody', {
          amount: formatMoney(payout.amount, payout.currency),
          date: formatDate(payout.arrival_date, payout.method === 'instant' ? 'datetime' : 'date'),
        })}
      </p>
    </DoneStep>
  );
}
