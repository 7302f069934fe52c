import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { MoneyText } from './money-text';

const meta = {
  title: 'Primitives/MoneyText',
  component: MoneyText,
  args: { amount: 123456, currency: 'usd' },
} satisfies Meta<typeof MoneyText>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Dollars: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('$1,234.56')).toHaveAttribute('data-sign', 'positive');
  },
};

export const Negative: Story = {
  args: { amount: -2500, currency: 'eur' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('-€25.00')).toHaveAttribute('data-sign', 'negative');
  },
};

export const Zero: Story = { args: { amount: 0 } };

export const YenHasNoDecimals: Story = {
  args: { amount: 1234, currency: 'jpy' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('¥1,234')).toBeVisible();
  },
};

export const DinarHasThreeDecimals: Story = {
  args: { amount: 1234, currency: 'kwd' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('KWD 1.234')).toBeVisible();
  },
};

export const EurosInGerman: Story = {
  args: { amount: 123456, currency: 'eur' },
  globals: { locale: 'de' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('1.234,56 €')).toBeVisible();
  },
};

export const EurosInFrench: Story = { args: { amount: 123456, currency: 'eur' }, globals: { locale: 'fr' } };

export const YenInJapanese: Story = { args: { amount: 1234, currency: 'jpy' }, globals: { locale: 'ja' } };
