import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Button } from '../button/button';
import { TextField } from '../text-field/text-field';
import { Dialog } from './dialog';

const meta = {
  title: 'Primitives/Dialog',
  component: Dialog,
  args: {
    title: 'Withdraw funds',
    description: 'Money arrives in your bank account in 1–2 business days.',
    onOpenChange: fn(),
    trigger: (props) => (
      <Button variant="primary" {...props}>
        Withdraw
      </Button>
    ),
    children: <TextField label="Amount" inputMode="decimal" />,
    footer: <Button variant="primary">Confirm</Button>,
  },
} satisfies Meta<typeof Dialog>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('dialog')).toBeNull();
  },
};

export const OpensAndTrapsFocus: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const trigger = canvas.getByRole('button', { name: 'Withdraw' });
    await userEvent.click(trigger);
    const dialog = await canvas.findByRole('dialog', { name: 'Withdraw funds' });
    await expect(dialog).toHaveAccessibleDescription('Money arrives in your bank account in 1–2 business days.');
    await expect(dialog).toHaveAttribute('data-state', 'open');
    await expect(canvas.getByLabelText('Amount')).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Confirm' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect(canvas.getByRole('button', { name: 'Confirm' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(trigger).toHaveFocus();
    await expect(args.onOpenChange).toHaveBeenLastCalledWith(false);
  },
};

export const Open: Story = { args: { defaultOpen: true } };

export const OpenDark: Story = { args: { defaultOpen: true }, globals: { theme: 'dark' } };

export const OpenCustomAppearance: Story = { args: { defaultOpen: true }, globals: { theme: 'custom' } };

export const NotDismissible: Story = {
  args: { defaultOpen: true, dismissible: false, title: 'Sending your payout…', description: undefined },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('dialog');
    await expect(canvas.queryByRole('button', { name: 'Close' })).toBeNull();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByRole('dialog')).toBeVisible();
  },
};

function ControlledDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Remove bank account
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Remove this bank account?"
        footer={
          <>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
            <Button variant="danger" onClick={() => setOpen(false)}>
              Remove
            </Button>
          </>
        }
      >
        Payouts to it stop at once.
      </Dialog>
    </>
  );
}

export const Controlled: Story = {
  render: () => <ControlledDialog />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove bank account' }));
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(canvas.getByRole('button', { name: 'Remove bank account' })).toHaveFocus();
  },
};
