import { zodResolver } from '@hookform/resolvers/zod';
import { AtriumApiError } from '@atrium/client';
import { PAYOUT_INTERVALS, payoutScheduleSchema, WEEKDAYS } from '@atrium/core';
import type { PayoutSchedule } from '@atrium/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod/mini';
import { Banner } from '../../primitives/banner/banner';
import { Button } from '../../primitives/button/button';
import { ErrorSummary } from '../../primitives/field/error-summary';
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
  /** Why saving failed: on the field its `param` names, or above the buttons. */
  error: unknown;
  onCancel: () => void;
  onSave: (schedule: PayoutSchedule) => void;
}

const MAX_DELAY_DAYS = 30;

/**
 * The form's own schema: what the selects and the text field hold. Only the anchor of the chosen
 * interval is checked, as only it is shown and sent. Each field has one message, said when the
 * form renders (not stored with the error), so it follows a change of locale.
 */
function formSchema(minimumDelayDays: number) {
  // `when` runs the anchors' checks even when another field failed, so every error shows at once.
  const always = () => true;
  return z
    .object({
      interval: z.enum(PAYOUT_INTERVALS),
      weekly_anchor: z.string(),
      monthly_anchor: z.union([z.number(), z.string()]),
      delay_days: z.pipe(
        z.pipe(z.string().check(z.trim(), z.regex(/^\d{1,2}$/)), z.transform(Number)),
        z.number().check(z.gte(minimumDelayDays), z.lte(MAX_DELAY_DAYS)),
      ),
    })
    .check(
      z.refine((values) => values.interval !== 'weekly' || isWeekday(values.weekly_anchor), {
        path: ['weekly_anchor'],
        when: always,
      }),
      z.refine((values) => values.interval !== 'monthly' || isDayOfMonth(values.monthly_anchor), {
        path: ['monthly_anchor'],
        when: always,
      }),
    );
}

const isWeekday = (day: string) => (WEEKDAYS as readonly string[]).includes(day);

const isDayOfMonth = (day: number | string) => {
  const value = Number(day);
  return Number.isInteger(value) && value >= 1 && value <= 31;
};

type FormInput = z.input<ReturnType<typeof formSchema>>;
type FormOutput = z.output<ReturnType<typeof formSchema>>;
type FieldName = keyof FormInput;

const FIELDS: readonly FieldName[] = ['interval', 'weekly_anchor', 'monthly_anchor', 'delay_days'];

/** The field a refusal of `POST /payout_schedule` names in its `param`, to show it there. */
function refusedField(error: unknown): FieldName | undefined {
  if (!(error instanceof AtriumApiError) || error.status !== 400) return undefined;
  return FIELDS.find((field) => field === error.param);
}

/** The schedule the API takes: the anchor only for the interval that uses it, checked by the shared contract. */
function toSchedule(values: FormOutput): PayoutSchedule {
  return payoutScheduleSchema.parse({
    interval: values.interval,
    delay_days: values.delay_days,
    weekly_anchor: values.interval === 'weekly' ? values.weekly_anchor : undefined,
    monthly_anchor: values.interval === 'monthly' ? Number(values.monthly_anchor) : undefined,
  });
}

/**
 * Edits the automatic payout schedule: how often (manual, daily, weekly on a day, monthly on a
 * date), and how many days funds wait before they can be paid out (never below the country's
 * minimum). Only the anchor of the chosen interval is shown and sent. Every error is shown on its
 * field, the first one takes focus, and a refusal naming a field is shown on that field.
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
  const { setFocus, setError } = form;
  useEffect(() => setFocus('interval'), [setFocus]);
  const refused = refusedField(error);
  useEffect(() => {
    if (refused !== undefined) setError(refused, { type: 'server' }, { shouldFocus: true });
  }, [error, refused, setError]);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const formElement = useRef<HTMLFormElement>(null);
  const submit = form.handleSubmit(
    (values) => onSave(toSchedule(values)),
    () => setFailedSubmits((count) => count + 1),
  );
  const { errors } = form.formState;
  const messages: Record<FieldName, string> = {
    interval: t('money.schedule.intervalInvalid'),
    weekly_anchor: t('money.schedule.weeklyAnchorInvalid'),
    monthly_anchor: t('money.schedule.monthlyAnchorInvalid'),
    delay_days: t('money.schedule.delayInvalid', { min: minimumDelayDays, max: MAX_DELAY_DAYS }),
  };
  const errorOf = (field: FieldName) => (errors[field] ? messages[field] : undefined);

  return (
    <form ref={formElement} className="atr-form" onSubmit={(event) => void submit(event)} noValidate>
      <Select
        label={t('money.schedule.interval')}
        options={PAYOUT_INTERVALS.map((value) => ({ value, label: t(`money.schedule.interval.${value}`) }))}
        error={errorOf('interval')}
        {...form.register('interval')}
      />
      {interval === 'weekly' && (
        <Select
          label={t('money.schedule.weeklyAnchor')}
          options={WEEKDAYS.map((day) => ({ value: day, label: weekdayName(day, i18n.locale) }))}
          error={errorOf('weekly_anchor')}
          {...form.register('weekly_anchor')}
        />
      )}
      {interval === 'monthly' && (
        <Select
          label={t('money.schedule.monthlyAnchor')}
          description={t('money.schedule.monthlyAnchorHint')}
          options={Array.from({ length: 31 }, (_, index) => ({ value: String(index + 1), label: String(index + 1) }))}
          error={errorOf('monthly_anchor')}
          {...form.register('monthly_anchor')}
        />
      )}
      <TextField
        label={t('money.schedule.delayDays')}
        description={t('money.schedule.delayDaysHint', { min: minimumDelayDays })}
        inputMode="numeric"
        error={errorOf('delay_days')}
        {...form.register('delay_days')}
      />
      {error !== undefined && refused === undefined && (
        <Banner tone="danger" live title={t('money.schedule.saveFailed')}>
          {actionErrorMessage(error, t)}
        </Banner>
      )}
      <ErrorSummary form={formElement} failedSubmits={failedSubmits} />
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
