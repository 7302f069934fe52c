import { zodResolver } from '@hookform/resolvers/zod';
import { PAYOUT_INTERVALS, payoutScheduleSchema, WEEKDAYS } from '@atrium/core';
import type { PayoutSchedule } from '@atrium/core';
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod/mini';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { Select } from '../../primitives/select/select';
import { TextField } from '../../primitives/text-field/text-field';
import { actionErrorMessage } from '../money-tables/action-error';
import { useMoneyI18n } from '../money-tables/use-money-i18n';
import { weekdayName } from './schedule-text';

export interface ScheduleFormProps {
  schedule: PayoutSchedule;
  /** The shortest delay the account's country allows, in days. */
  minimumDelayDays: number;
  saving: boolean;
  /** Why saving failed, shown above the buttons. */
  error: unknown;
  onCancel: () => void;
  onSave: (schedule: PayoutSchedule) => void;
}

const MAX_DELAY_DAYS = 30;

/**
 * The form's own schema: what the selects and the text field hold. The delay has one message,
 * said when the form renders (not stored with the error), so it follows a change of locale.
 */
function formSchema(minimumDelayDays: number) {
  return z.object({
    interval: z.enum(PAYOUT_INTERVALS),
    weekly_anchor: z.enum(WEEKDAYS),
    monthly_anchor: z.coerce.number().check(z.int(), z.gte(1), z.lte(31)),
    delay_days: z.pipe(
      z.pipe(z.string().check(z.trim(), z.regex(/^\d{1,2}$/)), z.transform(Number)),
      z.number().check(z.gte(minimumDelayDays), z.lte(MAX_DELAY_DAYS)),
    ),
  });
}

type FormInput = z.input<ReturnType<typeof formSchema>>;
type FormOutput = z.output<ReturnType<typeof formSchema>>;

/** The schedule the API takes: the anchor only for the interval that uses it, checked by the shared contract. */
function toSchedule(values: FormOutput): PayoutSchedule {
  return payoutScheduleSchema.parse({
    interval: values.interval,
    delay_days: values.delay_days,
    weekly_anchor: values.interval === 'weekly' ? values.weekly_anchor : undefined,
    monthly_anchor: values.interval === 'monthly' ? values.monthly_anchor : undefined,
  });
}

/**
 * Edits the automatic payout schedule: how often (manual, daily, weekly on a day, monthly on a
 * date), and how many days funds wait before they can be paid out (never below the country's
 * minimum). Only the anchor of the chosen interval is shown and sent.
 */
export function ScheduleForm({ schedule, minimumDelayDays, saving, error, onCancel, onSave }: ScheduleFormProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const schema = useMemo(() => formSchema(minimumDelayDays), [minimumDelayDays]);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(schema),
    defaultValues: {
      interval: schedule.interval,
      weekly_anchor: schedule.weekly_anchor ?? 'monday',
      monthly_anchor: schedule.monthly_anchor ?? 1,
      delay_days: String(schedule.delay_days),
    },
  });
  const interval = useWatch({ control: form.control, name: 'interval' });
  // The form may arrive after the dialog opened (it loads on demand); focus starts on its first field.
  const { setFocus } = form;
  useEffect(() => setFocus('interval'), [setFocus]);
  const submit = form.handleSubmit((values) => onSave(toSchedule(values)));

  return (
    <form className="atr-form" onSubmit={(event) => void submit(event)} noValidate>
      <Select
        label={t('money.schedule.interval')}
        options={PAYOUT_INTERVALS.map((value) => ({ value, label: t(`money.schedule.interval.${value}`) }))}
        {...form.register('interval')}
      />
      {interval === 'weekly' && (
        <Select
          label={t('money.schedule.weeklyAnchor')}
          options={WEEKDAYS.map((day) => ({ value: day, label: weekdayName(day, i18n.locale) }))}
          {...form.register('weekly_anchor')}
        />
      )}
      {interval === 'monthly' && (
        <Select
          label={t('money.schedule.monthlyAnchor')}
          description={t('money.schedule.monthlyAnchorHint')}
          options={Array.from({ length: 31 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))}
          {...form.register('monthly_anchor')}
        />
      )}
      <TextField
        label={t('money.schedule.delayDays')}
        description={t('money.schedule.delayDaysHint', { min: minimumDelayDays })}
        inputMode="numeric"
        error={
          form.formState.errors.delay_days &&
          t('money.schedule.delayInvalid', { min: minimumDelayDays, max: MAX_DELAY_DAYS })
        }
        {...form.register('delay_days')}
      />
      {error !== undefined && (
        <Banner tone="danger" live title={t('money.schedule.saveFailed')}>
          {actionErrorMessage(error, t)}
        </Banner>
      )}
      <div className="atr-dialog-actions">
        <Button onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" loading={saving}>
          {t('money.schedule.save')}
        </Button>
      </div>
    </form>
  );
}
