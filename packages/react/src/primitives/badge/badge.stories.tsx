import { BANK_ACCOUNT_STATUSES, CHARGE_STATUSES, PAYOUT_STATUSES, REFUND_STATUSES } from '@atrium/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Badge, StatusBadge } from './badge';

const meta = {
  title: 'Primitives/Badge',
  component: Badge,
  args: { children: 'Default', tone: 'neutral' },
} satisfies Meta<typeof Badge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Neutral: Story = {};

const tones = () => (
  <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
    <Badge tone="neutral">Neutral</Badge>
    <Badge tone="info">Info</Badge>
    <Badge tone="success">Success</Badge>
    <Badge tone="warning">Warning</Badge>
    <Badge tone="danger">Danger</Badge>
  </div>
);

export const Tones: Story = { render: tones };

export const TonesDark: Story = { render: tones, globals: { theme: 'dark' } };

const statuses = () => (
  <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 8 }}>
    <dt>Payout</dt>
    <dd style={{ display: 'flex', gap: 8, margin: 0 }}>
      {PAYOUT_STATUSES.map((status) => (
        <StatusBadge key={status} kind="payout" status={status} />
      ))}
    </dd>
    <dt>Payment</dt>
    <dd style={{ display: 'flex', gap: 8, margin: 0 }}>
      {CHARGE_STATUSES.map((status) => (
        <StatusBadge key={status} kind="charge" status={status} />
      ))}
    </dd>
    <dt>Refund</dt>
    <dd style={{ display: 'flex', gap: 8, margin: 0 }}>
      {REFUND_STATUSES.map((status) => (
        <StatusBadge key={status} kind="refund" status={status} />
      ))}
    </dd>
    <dt>Bank account</dt>
    <dd style={{ display: 'flex', gap: 8, margin: 0 }}>
      {BANK_ACCOUNT_STATUSES.map((status) => (
        <StatusBadge key={status} kind="bank_account" status={status} />
      ))}
    </dd>
  </dl>
);

export const Statuses: Story = {
  render: statuses,
  play: async ({ canvasElement }) => {
    const failed = within(canvasElement).getAllByText('Failed')[0];
    await expect(failed).toHaveAttribute('data-tone', 'danger');
    await expect(within(canvasElement).getByText('In transit')).toHaveAttribute('data-state', 'in_transit');
  },
};

export const StatusesDark: Story = { render: statuses, globals: { theme: 'dark' } };

export const StatusesGerman: Story = {
  render: statuses,
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Unterwegs')).toBeVisible();
  },
};
