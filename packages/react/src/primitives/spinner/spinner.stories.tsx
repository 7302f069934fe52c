import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { LoadingState, Skeleton, Spinner } from './spinner';

const meta = {
  title: 'Primitives/Spinner and Skeleton',
  component: Spinner,
} satisfies Meta<typeof Spinner>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Decorative: Story = {};

export const Large: Story = { args: { size: 'lg' } };

export const Announced: Story = {
  args: { label: 'Loading payouts' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading payouts');
  },
};

export const ComponentLoading: Story = {
  render: () => <LoadingState />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Loading…');
  },
};

export const ComponentLoadingSpanish: Story = {
  render: () => <LoadingState />,
  globals: { locale: 'es' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Cargando…');
  },
};

export const Skeletons: Story = {
  render: () => (
    <div style={{ display: 'grid', gap: 16, maxWidth: 320 }}>
      <Skeleton height="2em" width="40%" />
      <Skeleton lines={3} />
    </div>
  ),
};

export const SkeletonsDark: Story = { ...Skeletons, globals: { theme: 'dark' } };
