import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Stepper } from './stepper';

const meta = {
  title: 'Primitives/Stepper',
  component: Stepper,
  args: {
    steps: [
      { id: 'business_type', label: 'Business type' },
      { id: 'business_details', label: 'Business details' },
      { id: 'representative', label: 'Representative' },
      { id: 'bank_account', label: 'Bank account' },
      { id: 'review', label: 'Review and submit' },
    ],
    current: 'representative',
    completed: ['business_type', 'business_details'],
  },
} satisfies Meta<typeof Stepper>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FirstStep: Story = { args: { current: 'business_type', completed: [] } };

export const MidwayVertical: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('navigation', { name: 'Progress' })).toBeVisible();
    const current = canvasElement.querySelector('[aria-current="step"]');
    await expect(current).toHaveTextContent('Representative');
    await expect(canvas.getByText('Business type').closest('li')).toHaveAttribute('data-state', 'complete');
  },
};

export const Horizontal: Story = { args: { orientation: 'horizontal' } };

export const GoBackToACompletedStep: Story = {
  args: { onStepSelect: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: /Business details\W+completed/ }));
    await expect(args.onStepSelect).toHaveBeenCalledWith('business_details');
    await expect(canvas.queryByRole('button', { name: /Bank account/ })).toBeNull();
  },
};

export const LastStep: Story = {
  args: { current: 'review', completed: ['business_type', 'business_details', 'representative', 'bank_account'] },
};

export const Dark: Story = { args: { onStepSelect: fn() }, globals: { theme: 'dark' } };

export const French: Story = {
  globals: { locale: 'fr' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('navigation', { name: 'Progression' })).toBeVisible();
  },
};
