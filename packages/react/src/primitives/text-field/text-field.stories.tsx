import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { TextField } from './text-field';

const meta = {
  title: 'Primitives/TextField',
  component: TextField,
  args: { label: 'Business name', name: 'business_name' },
} satisfies Meta<typeof TextField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText('Business name');
    await userEvent.type(input, 'Tick Tock Watches');
    await expect(input).toHaveValue('Tick Tock Watches');
  },
};

export const WithPlaceholder: Story = { args: { placeholder: 'As registered' } };

export const WithDescription: Story = {
  args: { description: 'The name your customers see on their statements.' },
  play: async ({ canvasElement }) => {
    const input = within(canvasElement).getByLabelText('Business name');
    await expect(input).toHaveAccessibleDescription('The name your customers see on their statements.');
  },
};

export const Optional: Story = { args: { label: 'Website', optional: true, type: 'url' } };

export const Filled: Story = { args: { defaultValue: 'Tick Tock Watches' } };

export const Invalid: Story = {
  args: { defaultValue: 'x', error: 'Enter at least 2 characters.', description: 'As registered.' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByLabelText('Business name');
    await expect(input).toBeInvalid();
    await expect(input).toHaveAccessibleDescription('As registered. Enter at least 2 characters.');
    // The error is the input's description, not an alert of its own (a form announces its errors once).
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

export const Disabled: Story = { args: { defaultValue: 'Tick Tock Watches', disabled: true } };

export const AllStatesDark: Story = {
  globals: { theme: 'dark' },
  render: () => (
    <div style={{ display: 'grid', gap: 16, maxWidth: 360 }}>
      <TextField label="Business name" />
      <TextField label="Website" optional placeholder="https://" description="Where customers can find you." />
      <TextField label="Email" defaultValue="not-an-email" error="Enter an email address." />
      <TextField label="Country" defaultValue="United States" disabled />
    </div>
  ),
};
