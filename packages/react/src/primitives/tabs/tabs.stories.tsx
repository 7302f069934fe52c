import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Tabs } from './tabs';

const meta = {
  title: 'Primitives/Tabs',
  component: Tabs,
  args: {
    label: 'Payout portal',
    onValueChange: fn(),
    items: [
      { value: 'balances', label: 'Balances', content: 'Available and pending funds.' },
      { value: 'schedule', label: 'Schedule', content: 'Payouts every Friday.' },
      { value: 'methods', label: 'Payout methods', content: 'One bank account.', disabled: true },
      { value: 'history', label: 'History', content: 'The last 10 payouts.' },
    ],
  },
} satisfies Meta<typeof Tabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FirstSelected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('tab', { name: 'Balances' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('Available and pending funds.');
  },
};

export const KeyboardNavigation: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await expect(canvas.getByRole('tab', { name: 'Balances' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Schedule' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'History' })).toHaveFocus();
    await expect(canvas.getByRole('tabpanel')).toHaveTextContent('The last 10 payouts.');
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Balances' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('tab', { name: 'History' })).toHaveAttribute('data-state', 'active');
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByRole('tab', { name: 'Balances' })).toHaveFocus();
    await expect(args.onValueChange).toHaveBeenLastCalledWith('balances');
  },
};

export const SecondSelected: Story = { args: { defaultValue: 'schedule' } };

export const Dark: Story = { args: { defaultValue: 'history' }, globals: { theme: 'dark' } };
