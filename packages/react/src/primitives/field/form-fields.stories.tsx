import { zodResolver } from '@hookform/resolvers/zod';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { z } from 'zod/mini';
import { Button } from '../button/button';
import { Checkbox } from '../checkbox/checkbox';
import { ErrorSummary } from './error-summary';
import { Select } from '../select/select';
import { TextField } from '../text-field/text-field';

const schema = z.object({
  name: z.string().check(z.minLength(2, 'Enter the business name.')),
  email: z.email('Enter an email address.'),
  country: z.string().check(z.minLength(1, 'Choose a country.')),
  terms: z.boolean().check(z.refine((accepted: boolean) => accepted, 'Accept the agreement to continue.')),
});

type Values = z.input<typeof schema>;

/**
 * How components build forms: react-hook-form, a zod schema, the field primitives, and one
 * announcement of a failed submit.
 */
function BusinessForm({ onSubmit }: { onSubmit: (values: z.output<typeof schema>) => void }) {
  const { register, handleSubmit, formState } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', email: '', country: '', terms: false },
  });
  const { errors } = formState;
  const form = useRef<HTMLFormElement>(null);
  const [failedSubmits, setFailedSubmits] = useState(0);
  const failed = () => setFailedSubmits((count) => count + 1);
  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit, failed)(event)}
      style={{ display: 'grid', gap: 16, maxWidth: 400 }}
    >
      <TextField label="Business name" error={errors.name?.message} {...register('name')} />
      <TextField label="Support email" type="email" error={errors.email?.message} {...register('email')} />
      <Select
        label="Country"
        placeholder="Choose a country"
        options={[
          { value: 'US', label: 'United States' },
          { value: 'FR', label: 'France' },
        ]}
        error={errors.country?.message}
        {...register('country')}
      />
      <Checkbox label="I agree to the services agreement" error={errors.terms?.message} {...register('terms')} />
      <ErrorSummary form={form} failedSubmits={failedSubmits} />
      <div>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </div>
    </form>
  );
}

const meta = {
  title: 'Primitives/Form fields with react-hook-form',
  component: BusinessForm,
  args: { onSubmit: fn() },
} satisfies Meta<typeof BusinessForm>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {};

export const ValidationErrors: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('4 fields need attention.'));
    await expect(canvas.queryAllByRole('alert')).toHaveLength(0);
    await expect(canvas.getByLabelText('Business name')).toHaveFocus();
    await expect(canvas.getByLabelText('Business name')).toHaveAccessibleDescription('Enter the business name.');
    await expect(canvas.getByLabelText('Support email')).toHaveAccessibleDescription('Enter an email address.');
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const FilledWithTheKeyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByLabelText('Business name'));
    await userEvent.keyboard('Tick Tock Watches');
    await userEvent.tab();
    await userEvent.keyboard('hello@ticktock.example');
    await userEvent.tab();
    await userEvent.selectOptions(canvas.getByLabelText('Country'), 'FR');
    await userEvent.tab();
    await userEvent.keyboard(' ');
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith(
        { name: 'Tick Tock Watches', email: 'hello@ticktock.example', country: 'FR', terms: true },
        expect.anything(),
      ),
    );
  },
};

export const ValidationErrorsDark: Story = { ...ValidationErrors, globals: { theme: 'dark' } };
