import { useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../../provider/use-atrium';
import { useControllableState } from '../shared/use-controllable-state';
import { useDialogBehaviour } from './use-dialog-behaviour';

export interface DialogTriggerProps {
  onClick: () => void;
  'aria-haspopup': 'dialog';
  'aria-expanded': boolean;
}

export interface DialogProps {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom, for example Cancel and the confirming action. */
  footer?: ReactNode;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Renders the control that opens the dialog, for uncontrolled use. */
  trigger?: (props: DialogTriggerProps) => ReactNode;
  /**
   * Whether Escape, the close button and a click outside close it. Turn off while an action
   * that must not be abandoned runs.
   */
  dismissible?: boolean;
  /** A centred dialog, or a drawer sliding from the inline end. */
  variant?: 'dialog' | 'drawer';
}

/**
 * A modal dialog built on the native `<dialog>` element: it sits in the top layer above any host
 * z-index, makes the rest of the page inert, keeps Tab inside, closes on Escape, and gives focus
 * back to where it was. Focus starts on `[data-autofocus]`, else the first control in the body.
 * The content mounts only while open.
 */
export function Dialog({
  title,
  description,
  children,
  footer,
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  trigger,
  dismissible = true,
  variant = 'dialog',
}: DialogProps) {
  const { t } = useI18n();
  const [open, setOpen] = useControllableState(openProp, defaultOpen, onOpenChange);
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const titleId = `atr-dialog-${id}-title`;
  const descriptionId = description === undefined ? undefined : `atr-dialog-${id}-description`;
  useDialogBehaviour(ref, open, () => {
    if (dismissible) setOpen(false);
  });
  return (
    <>
      {trigger?.({ onClick: () => setOpen(true), 'aria-haspopup': 'dialog', 'aria-expanded': open })}
      <dialog
        ref={ref}
        className="atr-dialog"
        data-variant={variant}
        data-state={open ? 'open' : 'closed'}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onClose={(event) => {
          // The browser may close a dialog on its own (a second Escape); keep the state in step.
          // React bubbles a nested dialog's close up to this one, which must stay open.
          if (event.target === event.currentTarget && open) setOpen(false);
        }}
      >
        {open && (
          <>
            <div className="atr-dialog-header">
              <div className="atr-dialog-heading">
                <h2 id={titleId} className="atr-dialog-title">
                  {title}
                </h2>
                {description !== undefined && (
                  <div id={descriptionId} className="atr-dialog-description">
                    {description}
                  </div>
                )}
              </div>
              {dismissible && (
                <button
                  type="button"
                  className="atr-dialog-close"
                  aria-label={t('common.close')}
                  onClick={() => setOpen(false)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              )}
            </div>
            <div className="atr-dialog-body">{children}</div>
            {footer !== undefined && <div className="atr-dialog-footer">{footer}</div>}
          </>
        )}
      </dialog>
    </>
  );
}
