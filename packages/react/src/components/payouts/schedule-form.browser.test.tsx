import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { ScheduleForm } from './schedule-form';
import type { ScheduleFormProps } from './schedule-form';

function renderForm(props: Partial<ScheduleFormProps>) {
  const onSave = vi.fn();
  const view = render(
    <AtriumTestProvider>
      <ScheduleForm
        schedule={{ interval: 'daily', delay_days: 2 }}
        minimumDelayDays={2}
        saving={false}
        error={undefined}
        onCancel={vi.fn()}
        onSave={onSave}
        {...props}
      />
    </AtriumTestProvider>,
  );
  return { onSave, view };
}

describe('ScheduleForm in a real browser', () => {
  it('shows the anchor’s error on its field beside the delay’s, and focuses the first', async () => {
    // A day the form cannot offer: the select shows no choice, and saving must say why it does nothing.
    const { onSave } = renderForm({ schedule: { interval: 'monthly', monthly_anchor: 0, delay_days: 2 } });
    await userEvent.fill(page.getByLabelText('Days before funds can be paid out'), '1');
    await userEvent.click(page.getByRole('button', { name: 'Save schedule' }));

    const day = page.getByRole('combobox', { name: 'Day of the month' });
    await expect.element(day).toHaveFocus();
    await expect.element(day).toBeInvalid();
    await expect
      .element(day)
      .toHaveAccessibleDescription(
        'In months without this day, the payout is made on the last day. Choose a day of the month from 1 to 31.',
      );
    await expect
      .element(page.getByRole('textbox', { name: 'Days before funds can be paid out' }))
      .toHaveAccessibleDescription('At least 2 in your country. Enter a whole number of days from 2 to 30.');
    expect(onSave).not.toHaveBeenCalled();

    await userEvent.selectOptions(day, '15');
    await userEvent.fill(page.getByLabelText('Days before funds can be paid out'), '3');
    await userEvent.click(page.getByRole('button', { name: 'Save schedule' }));
    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ interval: 'monthly', monthly_anchor: 15, delay_days: 3 }),
    );
  });

  it('checks only the anchor of the chosen interval, the one it sends', async () => {
    const { onSave } = renderForm({ schedule: { interval: 'monthly', monthly_anchor: 0, delay_days: 2 } });
    await userEvent.selectOptions(page.getByLabelText('How often'), 'weekly');
    await userEvent.click(page.getByRole('button', { name: 'Save schedule' }));

    await vi.waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({ interval: 'weekly', weekly_anchor: 'monday', delay_days: 2 }),
    );
  });
});
