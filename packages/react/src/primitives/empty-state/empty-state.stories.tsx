import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Button } from '../button/button';
import { EmptyState } from './empty-state';

const meta = {
  title: 'Primitives/EmptyState',
  component: EmptyState,
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Nothing here yet')).toBeVisible();
  },
};

export const WithDescriptionAndAction: Story = {
  args: {
    title: 'No payouts yet',
    description: 'Payouts appear here once your balance is paid out to your bank account.',
    action: <Button variant="primary">Add bank account</Button>,
  },
};

export const Dark: Story = { args: WithDescriptionAndAction.args, globals: { theme: 'dark' } };

export const German: Story = {
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Noch nichts vorhanden')).toBeVisible();
  },
};
