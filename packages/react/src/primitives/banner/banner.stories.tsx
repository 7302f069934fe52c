import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Button } from '../button/button';
import { Banner } from './banner';

const meta = {
  title: 'Primitives/Banner',
  component: Banner,
  args: { title: 'Payouts are paused', children: 'Add a bank account to receive your balance.' },
} satisfies Meta<typeof Banner>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Info: Story = { args: { tone: 'info', title: 'Your next payout is on Friday', children: undefined } };

export const Success: Story = { args: { tone: 'success', title: 'Your account is verified' } };

export const Warning: Story = {
  args: { tone: 'warning', action: <Button variant="primary">Add bank account</Button> },
};

export const Danger: Story = {
  args: { tone: 'danger', title: 'Your last payout failed', children: 'The bank account was closed.' },
};

export const Neutral: Story = { args: { tone: 'neutral' } };

export const LiveAlert: Story = {
  args: { tone: 'danger', live: true, title: 'Your last payout failed' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert', { name: 'Your last payout failed' })).toBeVisible();
  },
};

export const LiveStatus: Story = {
  args: { tone: 'success', live: true, title: 'Bank account added' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status', { name: 'Bank account added' })).toBeVisible();
  },
};

const all = () => (
  <div style={{ display: 'grid', gap: 12 }}>
    <Banner tone="info" title="Your next payout is on Friday" />
    <Banner tone="success" title="Your account is verified" />
    <Banner tone="warning" title="Payouts are paused" action={<Button variant="primary">Add bank account</Button>}>
      Add a bank account to receive your balance.
    </Banner>
    <Banner tone="danger" title="Your last payout failed">
      The bank account was closed.
    </Banner>
  </div>
);

export const AllTonesDark: Story = { render: all, globals: { theme: 'dark' } };

export const AllTonesCustomAppearance: Story = { render: all, globals: { theme: 'custom' } };
