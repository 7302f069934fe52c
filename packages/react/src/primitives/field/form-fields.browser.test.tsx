import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { z } from 'zod';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { AtriumRoot } from '../../theme/atrium-root';
import { Button } from '../button/button';
import { Checkbox } from '../checkbox/checkbox';
import { ErrorSummary } from './error-summary';
import { Select } from '../select/select';
import { TextField } from '../text-field/text-field';

const schema = z.object({
  name: z.string().min(2, 'Enter the business name.'),
  country: z.string().min(1, 'Choose a country.'),
  terms: z.boolean().refine((accepted) => accepted, 'Accept the agreement.'),
});
type Values = z.infer<typeof schema>;

function BusinessForm({ onSubmit }: { onSubmit: (values: Values) => void }) {
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', country: '', terms: false },
  });
  const { errors } = formState;
  const form = useRef<HTMLFormElement>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((count) => count + 1);
  return (
    <AtriumTestProvider>
      <AtriumRoot>
        <form ref={form} noValidate onSubmit={(event) => void handleSubmit(onSubmit, failed)(event)}>
          <TextField
            label="Business name"
            description="As registered."
            error={errors.name?.message}
            {...register('name')}
          />
          <Select
            label="Country"
            placeholder="Choose"
            options={[
              { value: 'US', label: 'United States' },
              { value: 'FR', label: 'France' },
            ]}
            error={errors.country?.message}
            {...register('country')}
          />
          <Checkbox label="I agree" error={errors.terms?.message} {...register('terms')} />
          <ErrorSummary form={form} failedSubmits={failedSubmits} />
          <Button type="submit" variant="primary">
            Save
          </Button>
        </form>
      </AtriumRoot>
    </AtriumTestProvider>
  );
}

describe('form fields with react-hook-form in a real browser', () => {
  it('labels every control and ties the description to it', async () => {
    await render(<BusinessForm onSubmit={vi.fn()} />);

    await expect
      .element(page.getByRole('textbox', { name: 'Business name' }))
      .toHaveAccessibleDescription('As registered.');
    await expect.element(page.getByRole('combobox', { name: 'Country' })).toBeVisible();
    await expect.element(page.getByRole('checkbox', { name: 'I agree' })).not.toBeChecked();
  });

  it('describes each control by its error, focuses the first one and announces the errors once', async () => {
    const onSubmit = vi.fn();
    await render(<BusinessForm onSubmit={onSubmit} />);

    await userEvent.click(page.getByRole('button', { name: 'Save' }));

    await expect.element(page.getByRole('textbox', { name: 'Business name' })).toHaveFocus();
    await expect.element(page.getByRole('textbox', { name: 'Business name' })).toBeInvalid();
    await expect
      .element(page.getByRole('textbox', { name: 'Business name' }))
      .toHaveAccessibleDescription('As registered. Enter the business name.');
    await expect
      .element(page.getByRole('combobox', { name: 'Country' }))
      .toHaveAccessibleDescription('Choose a country.');
    await expect
      .element(page.getByRole('checkbox', { name: 'I agree' }))
      .toHaveAccessibleDescription('Accept the agreement.');
    // One announcement for the three errors, not an alert for each.
    await expect.element(page.getByRole('status')).toHaveTextContent('3 fields need attention.');
    expect(page.getByRole('alert').elements()).toEqual([]);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('can be filled and submitted with the keyboard alone', async () => {
    const onSubmit = vi.fn();
    await render(<BusinessForm onSubmit={onSubmit} />);

    await userEvent.tab();
    await expect.element(page.getByRole('textbox', { name: 'Business name' })).toHaveFocus();
    await userEvent.keyboard('Tick Tock Watches');
    await userEvent.tab();
    await expect.element(page.getByRole('combobox', { name: 'Country' })).toHaveFocus();
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Country' }), 'FR');
    await userEvent.tab();
    await expect.element(page.getByRole('checkbox', { name: 'I agree' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect.element(page.getByRole('checkbox', { name: 'I agree' })).toBeChecked();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');

    await vi.waitFor(() =>
      expect(onSubmit).toHaveBeenCalledWith(
        { name: 'Tick Tock Watches', country: 'FR', terms: true },
        expect.anything(),
      ),
    );
  });

  it('clears an error once the value is fixed and the form is sent again', async () => {
    await render(<BusinessForm onSubmit={vi.fn()} />);
    await userEvent.click(page.getByRole('button', { name: 'Save' }));
    await expect.element(page.getByText('Enter the business name.')).toBeVisible();

    await userEvent.fill(page.getByRole('textbox', { name: 'Business name' }), 'Tick Tock');
    await userEvent.click(page.getByRole('button', { name: 'Save' }));

    await expect.element(page.getByText('Enter the business name.')).not.toBeInTheDocument();
    await expect.element(page.getByRole('textbox', { name: 'Business name' })).not.toBeInvalid();
  });
});
