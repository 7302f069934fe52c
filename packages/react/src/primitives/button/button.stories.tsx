import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Button } from './button';

const meta = {
  title: 'Primitives/Button',
  component: Button,
  args: { children: 'Withdraw', onClick: fn() },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Primary: Story = { args: { variant: 'primary' } };

export const Secondary: Story = { args: { variant: 'secondary' } };

export const Danger: Story = { args: { variant: 'danger', children: 'Remove bank account' } };

export const Ghost: Story = { args: { variant: 'ghost', children: 'View details' } };

export const Small: Story = { args: { variant: 'primary', size: 'sm' } };

export const Disabled: Story = {
  args: { variant: 'primary', disabled: true },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Withdraw' });
    await userEvent.click(button, { pointerEventsCheck: 0 });
    await expect(args.onClick).not.toHaveBeenCalled();
  },
};

export const Loading: Story = {
  args: { variant: 'primary', loading: true },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Withdraw' });
    await expect(button).toHaveAttribute('aria-busy', 'true');
    await expect(button).toHaveAttribute('data-state', 'loading');
    await userEvent.click(button);
    await expect(args.onClick).not.toHaveBeenCalled();
    button.focus();
    await expect(button).toHaveFocus();
  },
};

export const ClickAndKeyboard: Story = {
  args: { variant: 'primary' },
  play: async ({ canvasElement, args }) => {
    const button = within(canvasElement).getByRole('button', { name: 'Withdraw' });
    await userEvent.click(button);
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    await expect(args.onClick).toHaveBeenCalledTimes(3);
  },
};

const allVariants = () => (
  <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
    <Button variant="primary">Primary</Button>
    <Button variant="secondary">Secondary</Button>
    <Button variant="danger">Danger</Button>
    <Button variant="ghost">Ghost</Button>
    <Button variant="primary" size="sm">
      Small
    </Button>
    <Button variant="primary" loading>
      Loading
    </Button>
    <Button variant="primary" disabled>
      Disabled
    </Button>
  </div>
);

export const AllStates: Story = { render: allVariants };

export const AllStatesDark: Story = { render: allVariants, globals: { theme: 'dark' } };

export const AllStatesCustomAppearance: Story = { render: allVariants, globals: { theme: 'custom' } };

/** A long label (German, as in the withdraw dialog) in a narrow space wraps inside its container. */
export const LongLabelInANarrowSpace: Story = {
  args: { variant: 'ghost', children: 'Gesamtes verfügbares Guthaben auszahlen' },
  decorators: [
    (Story) => (
      <div style={{ width: 200 }} data-testid="narrow">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Gesamtes verfügbares Guthaben auszahlen' });
    const container = canvas.getByTestId('narrow').getBoundingClientRect();
    await expect(button.getBoundingClientRect().right).toBeLessThanOrEqual(container.right);
    await expect(button.scrollWidth).toBeLessThanOrEqual(button.clientWidth);
  },
};
