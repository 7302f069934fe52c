import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { AtriumTestProvider } from '../../testing/atrium-test-provider';
import { AtriumRoot } from '../../theme/atrium-root';
import { Button } from '../button/button';
import { TextField } from '../text-field/text-field';
import { Dialog } from './dialog';
import type { DialogProps } from './dialog';

function Page(props: Partial<DialogProps>) {
  return (
    <AtriumTestProvider>
      <AtriumRoot>
        <Button>Before</Button>
        <Dialog
          title="Withdraw funds"
          trigger={(trigger) => <Button {...trigger}>Withdraw</Button>}
          footer={<Button variant="primary">Confirm</Button>}
          {...props}
        >
          <TextField label="Amount" />
        </Dialog>
        <Button>After</Button>
      </AtriumRoot>
    </AtriumTestProvider>
  );
}

describe('Dialog in a real browser', () => {
  it('moves focus into the dialog when it opens and makes the page behind inert', async () => {
    await render(<Page />);

    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));

    await expect.element(page.getByRole('dialog', { name: 'Withdraw funds' })).toBeVisible();
    await expect.element(page.getByLabelText('Amount')).toHaveFocus();
    expect(document.querySelector('dialog')?.matches(':modal')).toBe(true);
    page.getByRole('button', { name: 'After' }).element().focus();
    await expect.element(page.getByLabelText('Amount')).toHaveFocus();
  });

  it('keeps Tab and Shift+Tab inside the dialog, wrapping at both ends', async () => {
    await render(<Page defaultOpen />);
    await expect.element(page.getByLabelText('Amount')).toHaveFocus();

    await userEvent.tab();
    await expect.element(page.getByRole('button', { name: 'Confirm' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(page.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.tab();
    await expect.element(page.getByLabelText('Amount')).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect.element(page.getByRole('button', { name: 'Close' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    await expect.element(page.getByRole('button', { name: 'Confirm' })).toHaveFocus();
  });

  it('closes on Escape and gives focus back to the button that opened it', async () => {
    const onOpenChange = vi.fn();
    await render(<Page onOpenChange={onOpenChange} />);
    await userEvent.click(page.getByRole('button', { name: 'Withdraw' }));
    await expect.element(page.getByLabelText('Amount')).toHaveFocus();

    await userEvent.keyboard('{Escape}');

    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Withdraw' })).toHaveFocus();
    expect(onOpenChange.mock.calls).toEqual([[true], [false]]);
  });

  it('closes on a click on the backdrop but not on a click inside', async () => {
    await render(<Page defaultOpen />);

    await userEvent.click(page.getByLabelText('Amount'));
    await expect.element(page.getByRole('dialog')).toBeVisible();
    // A point of the backdrop near the viewport's corner, given relative to the dialog's box.
    const box = page.getByRole('dialog').element().getBoundingClientRect();
    await userEvent.click(page.getByRole('dialog'), { position: { x: 4 - box.left, y: 4 - box.top } });

    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  });

  it('stays open on Escape when it is not dismissible', async () => {
    await render(<Page defaultOpen dismissible={false} />);
    await expect.element(page.getByLabelText('Amount')).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{Escape}');

    await expect.element(page.getByRole('dialog')).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Close' })).not.toBeInTheDocument();
  });

  it('lets a controlled owner refuse to close, and gives focus back when it unmounts open', async () => {
    function Owner() {
      const [shown, setShown] = useState(false);
      return (
        <AtriumTestProvider>
          <AtriumRoot>
            <Button onClick={() => setShown(true)}>Show</Button>
            {shown && (
              <Dialog title="Pinned" open onOpenChange={() => undefined}>
                <Button onClick={() => setShown(false)}>Unmount me</Button>
              </Dialog>
            )}
          </AtriumRoot>
        </AtriumTestProvider>
      );
    }
    await render(<Owner />);
    await userEvent.click(page.getByRole('button', { name: 'Show' }));
    await expect.element(page.getByRole('button', { name: 'Unmount me' })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    await expect.element(page.getByRole('dialog', { name: 'Pinned' })).toBeVisible();

    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Show' })).toHaveFocus();
  });

  it('starts on the element marked data-autofocus', async () => {
    await render(<Page defaultOpen footer={<Button data-autofocus>Confirm</Button>} />);

    await expect.element(page.getByRole('button', { name: 'Confirm' })).toHaveFocus();
  });

  it('closes only the inner dialog when a dialog opened inside another one is dismissed', async () => {
    await render(
      <AtriumTestProvider>
        <AtriumRoot>
          <Dialog title="Withdraw funds" defaultOpen>
            <Dialog title="Confirm refund" trigger={(trigger) => <Button {...trigger}>Refund</Button>}>
              <p>Refund the whole payment?</p>
            </Dialog>
          </Dialog>
        </AtriumRoot>
      </AtriumTestProvider>,
    );
    await userEvent.click(page.getByRole('button', { name: 'Refund' }));
    await expect.element(page.getByRole('dialog', { name: 'Confirm refund' })).toBeVisible();

    await userEvent.keyboard('{Escape}');

    await expect.element(page.getByRole('dialog', { name: 'Confirm refund' })).not.toBeInTheDocument();
    await expect.element(page.getByRole('dialog', { name: 'Withdraw funds' })).toBeVisible();
  });
});
