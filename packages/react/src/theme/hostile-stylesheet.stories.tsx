import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { Badge } from '../primitives/badge/badge';
import { Banner } from '../primitives/banner/banner';
import { Button } from '../primitives/button/button';
import { Dialog } from '../primitives/dialog/dialog';
import { Stepper } from '../primitives/stepper/stepper';
import { TextField } from '../primitives/text-field/text-field';

/**
 * What a careless or hostile host page may ship: universal rules, an id-scoped reset, element
 * rules, pseudo-element content, a small `html` font size, and the parts of Bootstrap's Reboot
 * and Tailwind's Preflight that touch bare elements. Left out on purpose: `opacity`, `filter`
 * and `transform` on everything, which reach the components through the host's own ancestors,
 * as they would reach an iframe.
 */
const HOSTILE_CSS = `
* { box-sizing: content-box; margin: 11px; padding: 7px; color: #ff00ff; font-family: "Comic Sans MS", cursive;
    font-size: 22px; line-height: 3; letter-spacing: 3px; word-spacing: 9px; text-transform: uppercase;
    text-align: right; border: 3px dashed lime; background: yellow; float: left; }
*::before, *::after { content: "★"; color: red; }
html { font-size: 8px; }
body { font-weight: 900; font-style: italic; text-shadow: 2px 2px red; cursor: crosshair; }
#storybook-root *, body div { visibility: visible; display: inline; text-decoration: underline; }
span { display: block; }
button, [type='button'], [type='submit'] { -webkit-appearance: button; background-color: transparent; background-image: none;
    border-radius: 0; text-transform: lowercase; }
[type=button]:not(:disabled), button:not(:disabled) { cursor: wait; }
input, select, textarea { width: 20px; height: 80px; border: 0; outline: 5px solid red; font: inherit; }
p, h2 { margin: 40px; font-size: 40px; font-weight: 100; }
ul, ol, li { list-style: square; padding-left: 80px; }
dialog { position: static; display: block; }
:focus { outline: none; }
:root { accent-color: #1b1b1b; caret-color: #000; }
body { -webkit-text-fill-color: #e6e6e6; -webkit-text-stroke: 1px red; scrollbar-color: red red; }
::-webkit-calendar-picker-indicator { filter: invert(1); }
`;

function IsolationSample() {
  return (
    <div>
      <Button variant="primary">Withdraw</Button>
      <TextField label="Amount" />
      <Badge tone="success">Paid</Badge>
      <Banner tone="warning" title="Payouts are paused" />
      <Stepper
        steps={[
          { id: 'a', label: 'Business' },
          { id: 'b', label: 'Bank account' },
        ]}
        current="b"
        completed={['a']}
      />
      <Dialog title="Confirm" trigger={(props) => <Button {...props}>Open dialog</Button>}>
        Body
      </Dialog>
    </div>
  );
}

/** The styles every story in this file must see, with or without the hostile sheet. */
async function expectOwnStyles(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const root = canvasElement.querySelector<HTMLElement>('.atr-root');
  if (root === null) throw new Error('no Atrium root rendered');
  const rootStyle = getComputedStyle(root);
  await expect(rootStyle.fontSize).toBe('14px');
  await expect(rootStyle.fontFamily).toContain('-apple-system');
  await expect(rootStyle.color).toBe('rgb(26, 27, 37)');
  await expect(rootStyle.backgroundColor).toBe('rgb(255, 255, 255)');
  await expect(rootStyle.textTransform).toBe('none');
  await expect(rootStyle.letterSpacing).toBe('normal');
  await expect(rootStyle.fontStyle).toBe('normal');
  await expect(rootStyle.fontWeight).toBe('400');
  await expect(rootStyle.margin).toBe('0px');
  await expect(getComputedStyle(root, '::before').content).toBe('none');
  await expect(getComputedStyle(root, '::after').content).toBe('none');

  const button = getComputedStyle(canvas.getByRole('button', { name: 'Withdraw' }));
  await expect(button.backgroundColor).toBe('rgb(79, 70, 229)');
  await expect(button.color).toBe('rgb(255, 255, 255)');
  await expect(button.cursor).toBe('pointer');
  await expect(button.textTransform).toBe('none');
  await expect(button.borderRadius).toBe('6px');
  await expect(button.opacity).toBe('1');
  await expect(button.float).toBe('none');
  await expect(button.boxSizing).toBe('border-box');
  await expect(getComputedStyle(canvas.getByRole('button', { name: 'Withdraw' }), '::before').content).toBe('none');
  // Inherited properties the host sets on its own elements stop at the root: text is painted in
  // its own colour, without a stroke.
  await expect(button.webkitTextFillColor).toBe('rgb(255, 255, 255)');
  await expect(button.getPropertyValue('-webkit-text-stroke-width')).toBe('0px');

  const input = canvas.getByLabelText('Amount');
  await expect(getComputedStyle(input).caretColor).toBe('rgb(26, 27, 37)');
  await expect(getComputedStyle(input).accentColor).toBe('auto');
  await expect(input.getBoundingClientRect().width).toBeGreaterThan(100);
  await expect(input.getBoundingClientRect().height).toBeLessThan(45);
  await expect(getComputedStyle(input).borderTopStyle).toBe('solid');

  const badge = getComputedStyle(canvas.getByText('Paid'));
  await expect(badge.display).toBe('inline-flex');
  await expect(badge.backgroundColor).toBe('rgb(215, 247, 194)');

  const title = getComputedStyle(canvas.getByText('Payouts are paused'));
  await expect(title.margin).toBe('0px');
  await expect(title.fontSize).toBe('14px');

  const list = getComputedStyle(canvas.getByRole('list'));
  await expect(list.listStyleType).toBe('none');
  await expect(list.paddingLeft).toBe('0px');

  await expect(canvasElement.querySelector('dialog')).not.toBeVisible();
}

const meta = {
  title: 'Foundation/Style isolation',
  component: IsolationSample,
} satisfies Meta<typeof IsolationSample>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Baseline: Story = {
  play: async ({ canvasElement }) => {
    await expectOwnStyles(canvasElement);
  },
};

export const UnderAHostileHostStylesheet: Story = {
  beforeEach: () => {
    const style = document.createElement('style');
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    return () => style.remove();
  },
  play: async ({ canvasElement }) => {
    await expect(getComputedStyle(document.body).fontWeight).toBe('900');
    await expectOwnStyles(canvasElement);
  },
};
