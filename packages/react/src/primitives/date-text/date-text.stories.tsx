import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { DateText } from './date-text';

const meta = {
  title: 'Primitives/DateText',
  component: DateText,
  args: { value: 1_700_000_000 },
} satisfies Meta<typeof DateText>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Date: Story = {
  play: async ({ canvasElement }) => {
    const time = within(canvasElement).getByText('Nov 14, 2023');
    await expect(time).toHaveAttribute('datetime', '2023-11-14T22:13:20.000Z');
  },
};

export const DateTime: Story = { args: { format: 'datetime' } };

export const Time: Story = { args: { format: 'time' } };

export const Month: Story = { args: { format: 'month' } };

export const Relative: Story = {
  args: { format: 'relative', value: Math.round(globalThis.Date.now() / 1000) - 3 * 86_400 },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('3 days ago')).toHaveAttribute('title');
  },
};

export const German: Story = {
  args: { format: 'datetime' },
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('14.11.2023, 22:13')).toBeVisible();
  },
};

export const Japanese: Story = { args: { format: 'date' }, globals: { locale: 'ja' } };
