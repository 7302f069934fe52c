import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { tabbableIn } from '../shared/tabbable';

/**
 * Opens and closes the native dialog with `open`, and adds what the element leaves to us: a
 * Tab trap that wraps (the browser would move on to its own toolbar), Escape and outside
 * clicks routed through `requestClose` (so a controlled dialog closes only when its owner
 * agrees), the initial focus, and focus returned to the opener, also when unmounted while open.
 */
export function useDialogBehaviour(
  ref: RefObject<HTMLDialogElement | null>,
  open: boolean,
  requestClose: () => void,
): void {
  const latestRequestClose = useRef(requestClose);
  useEffect(() => {
    latestRequestClose.current = requestClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    initialFocusTarget(dialog)?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog opened inside this one handles its own keys; they bubble here too.
      if (event.target instanceof Element && event.target.closest('dialog') !== dialog) return;
      if (event.key === 'Tab') trapTab(dialog, event);
      // Handled here as well as in `cancel`: synthetic key events (and some assistive tools)
      // never make the browser fire `cancel`, and preventing the default stops a second close.
      if (event.key === 'Escape') {
        event.preventDefault();
        latestRequestClose.current();
      }
    };
    const onCancel = (event: Event) => {
      if (event.target !== dialog) return;
      event.preventDefault();
      latestRequestClose.current();
    };
    const onClick = (event: MouseEvent) => {
      if (event.target === dialog && isOutside(dialog, event)) latestRequestClose.current();
    };
    dialog.addEventListener('keydown', onKeyDown);
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('click', onClick);
    return () => {
      dialog.removeEventListener('keydown', onKeyDown);
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('click', onClick);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [ref, open]);
}

function initialFocusTarget(dialog: HTMLDialogElement): HTMLElement | undefined {
  const chosen = dialog.querySelector<HTMLElement>('[data-autofocus]');
  if (chosen !== null) return chosen;
  const body = dialog.querySelector<HTMLElement>('.atr-dialog-body');
  const footer = dialog.querySelector<HTMLElement>('.atr-dialog-footer');
  return (body && tabbableIn(body)[0]) ?? (footer && tabbableIn(footer)[0]) ?? tabbableIn(dialog)[0];
}

function trapTab(dialog: HTMLDialogElement, event: KeyboardEvent): void {
  const tabbable = tabbableIn(dialog);
  const first = tabbable[0];
  const last = tabbable[tabbable.length - 1];
  if (first === undefined || last === undefined) {
    event.preventDefault();
    return;
  }
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

/** A click on the backdrop reaches the dialog element itself, outside its box. */
function isOutside(dialog: HTMLDialogElement, event: MouseEvent): boolean {
  const box = dialog.getBoundingClientRect();
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom;
}
