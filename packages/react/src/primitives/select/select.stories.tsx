import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { Select } from './select';

const COUNTRIES = [
  { value: 'US', label: 'United States' },
  { value: 'GB', label: 'United Kingdom' },
  { value: 'DE', label: 'Germany' },
  { value: 'JP', label: 'Japan', disabled: true },
];

const meta = {
  title: 'Primitives/Select',
  component: Select,
  args: { label: 'Country', options: COUNTRIES, placeholder: 'Choose a country', defaultValue: '' },
} satisfies Meta<typeof Select>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByLabelText('Country');
    await userEvent.selectOptions(select, 'DE');
    await expect(select).toHaveValue('DE');
  },
};

export const Selected: Story = { args: { defaultValue: 'GB' } };

export const WithDescription: Story = { args: { description: 'Where your business is registered.' } };

export const Invalid: Story = {
  args: { error: 'Choose a country.' },
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByLabelText('Country');
    await expect(select).toBeInvalid();
    await expect(select).toHaveAccessibleDescription('Choose a country.');
  },
};

export const Disabled: Story = { args: { defaultValue: 'US', disabled: true } };

export const Dark: Story = { args: { error: 'Choose a country.' }, globals: { theme: 'dark' } };
