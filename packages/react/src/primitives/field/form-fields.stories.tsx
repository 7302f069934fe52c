import { zodResolver } from '@hookform/resolvers/zod';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { useForm } from 'react-hook-form';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { z } from 'zod/mini';
import { Button } from '../button/button';
import { Checkbox } from '../checkbox/checkbox';
import { Select } from '../select/select';
import { TextField } from '../text-field/text-field';

const schema = z.object({
  name: z.string().check(z.minLength(2, 'Enter the business name.')),
  email: z.email('Enter an email address.'),
  country: z.string().check(z.minLength(1, 'Choose a country.')),
  terms: z.boolean().check(z.refine((accepted: boolean) => accepted, 'Accept the agreement to continue.')),
});

type Values = z.input<typeof schema>;

/** How components build forms: react-hook-form, a zod schema, and the field primitives. */
function BusinessForm({ onSubmit }: { onSubmit: (values: z.output<typeof schema>) => void }) {
  const { register, handleSubmit, formState } = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', email: '', country: '', terms: false },
  });
  const { errors } = formState;
  return (
    <form
      noValidate
      onSubmit={(event) => void handleSubmit(onSubmit)(event)}
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
    await waitFor(() => expect(canvas.getAllByRole('alert')).toHaveLength(4));
    await expect(canvas.getByLabelText('Business name')).toHaveFocus();
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
