import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { Button } from '../../primitives/button/button';
import { useMoneyI18n } from './use-money-i18n';

export interface DoneStepProps {
  /** What was done, as the step's heading: "Your payout is on its way". */
  title: string;
  children?: ReactNode;
  onDone: () => void;
}

/**
 * The last step of an action in a dialog: what was done, and a button that closes the dialog.
 * Focus moves to the heading, so a screen reader says the outcome as it appears.
 */
export function DoneStep({ title, children, onDone }: DoneStepProps) {
  const { t } = useMoneyI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="atr-form" data-state="done">
      <h3 ref={heading} tabIndex={-1} className="atr-subheading">
        {title}
      </h3>
      {children}
      <div className="atr-dialog-actions">
        <Button variant="primary" onClick={onDone}>
          {t('money.withdraw.done')}
        </Button>
      </div>
    </div>
  );
}
