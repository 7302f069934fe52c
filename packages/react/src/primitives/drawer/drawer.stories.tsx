import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Badge } from '../badge/badge';
import { Button } from '../button/button';
import { Drawer } from './drawer';

const meta = {
  title: 'Primitives/Drawer',
  component: Drawer,
  args: {
    title: 'Payment details',
    trigger: (props) => <Button {...props}>Open details</Button>,
    children: (
      <dl>
        <dt>Status</dt>
        <dd>
          <Badge tone="success">Succeeded</Badge>
        </dd>
        <dt>Customer</dt>
        <dd>Ada Lovelace</dd>
      </dl>
    ),
  },
} satisfies Meta<typeof Drawer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};

export const Open: Story = { args: { defaultOpen: true } };

export const OpenDark: Story = { args: { defaultOpen: true }, globals: { theme: 'dark' } };

export const OpensAndCloses: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'Open details' });
    await userEvent.click(trigger);
    const drawer = await canvas.findByRole('dialog', { name: 'Payment details' });
    await expect(drawer).toHaveAttribute('data-variant', 'drawer');
    await expect(canvas.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
  },
};
