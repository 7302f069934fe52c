import { countrySpec, isSupportedCountry, payoutScheduleSchema } from '@atrium/core';
import type { Account, PayoutSchedule } from '@atrium/core';
import { Suspense, useId, useState } from 'react';
import { lazyPart } from '../../embedded/lazy-part';
import { useAtriumAction } from '../../data/use-atrium-action';
import { useGrant } from '../../data/use-atrium-session';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { Dialog } from '../../primitives/dialog/dialog';
import { LoadingState } from '../../primitives/spinner/spinner';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { scheduleSummary } from './schedule-text';

// The form (and react-hook-form with it) loads when the schedule is first edited: most visits to
// the portal only read the schedule.
const ScheduleForm = lazyPart(async () => ({ default: (await import('./schedule-form')).ScheduleForm }));

/** Without a country's own minimum, funds wait at least this long (Stripe's usual two days). */
const DEFAULT_MINIMUM_DELAY_DAYS = 2;

/**
 * The automatic payout schedule in words, and its editor when the session grants
 * `edit_payout_schedule` on `payouts`: a dialog that saves with `POST /payout_schedule` and
 * refreshes the account, so the new schedule and the next payout date show at once.
 */
export function ScheduleSection({ account }: { account: Account }) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const headingId = useId();
  const editable = useGrant('payouts', 'edit_payout_schedule');
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const schedule = account.settings.payouts.schedule;
  const minimumDelayDays = isSupportedCountry(account.country)
    ? countrySpec(account.country).payoutDelayDays
    : DEFAULT_MINIMUM_DELAY_DAYS;
  const save = useAtriumAction(
    (client, next: PayoutSchedule, { idempotencyKey, signal }) =>
      client.post('/payout_schedule', { ...next }, { schema: payoutScheduleSchema, idempotencyKey, signal }),
    { invalidates: ['account'] },
  );
  const changeOpen = (next: boolean) => {
    if (next) {
      save.reset();
      setSaved(false);
    }
    setOpen(next);
  };

  return (
    <section className="atr-section" aria-labelledby={headingId}>
      <div className="atr-section-header">
        <h2 id={headingId} className="atr-heading">
          {t('money.schedule.title')}
        </h2>
        {editable && (
          <Dialog
            title={t('money.schedule.editTitle')}
            open={open}
            onOpenChange={changeOpen}
            dismissible={save.status !== 'pending'}
            trigger={(trigger) => <Button {...trigger}>{t('money.schedule.edit')}</Button>}
          >
            <Suspense fallback={<LoadingState />}>
              <ScheduleForm
                schedule={schedule}
                minimumDelayDays={minimumDelayDays}
                saving={save.status === 'pending'}
                error={save.status === 'error' ? save.error : undefined}
                onCancel={() => changeOpen(false)}
                onSave={(next) =>
                  void save.run(next).then((outcome) => {
                    if (!outcome.ok) return;
                    setSaved(true);
                    setOpen(false);
                  })
                }
              />
            </Suspense>
          </Dialog>
        )}
      </div>
      <p className="atr-paragraph">{scheduleSummary(schedule, i18n)}</p>
      <p className="atr-paragraph atr-text-secondary">{t('money.schedule.delay', { count: schedule.delay_days })}</p>
      {saved && <Banner tone="success" live title={t('money.schedule.saved')} />}
    </section>
  );
}
