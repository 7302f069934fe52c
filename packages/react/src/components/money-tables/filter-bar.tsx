import type { Currency } from '@atrium/core';
import { useEffect, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import { Button } from '../../primitives/button/button';
import { ErrorSummary } from '../../primitives/field/error-summary';
import { Select } from '../../primitives/select/select';
import type { SelectOption } from '../../primitives/select/select';
import { TextField } from '../../primitives/text-field/text-field';
import { focusFirstInvalid } from './field-refusal';
import { readDraft, toDraft } from './filter-draft';
import type { FilterDraft, FilterErrors } from './filter-draft';
import { activeFilterCount, NO_FILTERS } from './list-query';
import { sayMoney } from './money-message';
import type { ListFilters } from './list-query';
import { useMoneyI18n } from './use-money-i18n';

export interface FilterBarProps {
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
  /** The statuses to choose from; no status filter when absent. */
  statuses?: readonly SelectOption[];
  /** Card brands to choose from (payments); no brand filter when absent. */
  brands?: readonly SelectOption[];
  /** The currency amounts are typed in. */
  currency: Currency;
}

/**
 * The filters of a money list: status, a date range, an amount range (typed in the user's
 * locale) and, for payments, the card brand. Applied together with "Apply" or Enter, so a half
 * typed amount never starts a request; invalid values are explained beside their field.
 */
export function FilterBar({ filters, onChange, statuses, brands, currency }: FilterBarProps) {
  const i18n = useMoneyI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<FilterDraft>(() => toDraft(filters, currency, i18n.locale));
  const [errors, setErrors] = useState<FilterErrors>({});
  const [failedApplies, setFailedApplies] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => focusFirstInvalid(form.current), [failedApplies]);
  const set = (name: keyof FilterDraft) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [name]: event.currentTarget.value });

  const apply = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readDraft(draft, currency, i18n.locale);
    setErrors(read.ok ? {} : read.errors);
    if (read.ok) onChange(read.filters);
    else setFailedApplies((count) => count + 1);
  };

  const clear = () => {
    setDraft(toDraft(NO_FILTERS, currency, i18n.locale));
    setErrors({});
    onChange(NO_FILTERS);
  };

  return (
    <form ref={form} className="atr-filters" aria-label={t('money.filters.label')} onSubmit={apply} noValidate>
      {statuses && (
        <Select
          label={t('money.filters.status')}
          value={draft.status}
          onChange={set('status')}
          options={[{ value: '', label: t('money.filters.anyStatus') }, ...statuses]}
        />
      )}
      {brands && (
        <Select
          label={t('money.filters.brand')}
          value={draft.brand}
          onChange={set('brand')}
          options={[{ value: '', label: t('money.filters.anyBrand') }, ...brands]}
        />
      )}
      <TextField type="date" label={t('money.filters.from')} value={draft.createdFrom} onChange={set('createdFrom')} />
      <TextField
        type="date"
        label={t('money.filters.to')}
        value={draft.createdTo}
        onChange={set('createdTo')}
        error={errors.createdTo && sayMoney(errors.createdTo, i18n)}
      />
      <TextField
        label={t('money.filters.amountMin', { currency: currency.toUpperCase() })}
        inputMode="decimal"
        value={draft.amountMin}
        onChange={set('amountMin')}
        error={errors.amountMin && sayMoney(errors.amountMin, i18n)}
      />
      <TextField
        label={t('money.filters.amountMax', { currency: currency.toUpperCase() })}
        inputMode="decimal"
        value={draft.amountMax}
        onChange={set('amountMax')}
        error={errors.amountMax && sayMoney(errors.amountMax, i18n)}
      />
      <ErrorSummary form={form} failedSubmits={failedApplies} />
      <div className="atr-filters-buttons">
        <Button type="submit" size="sm" variant="primary">
          {t('money.filters.apply')}
        </Button>
        {activeFilterCount(filters) > 0 && (
          <Button size="sm" variant="ghost" onClick={clear}>
            {t('money.filters.clear')}
          </Button>
        )}
      </div>
    </form>
  );
}
