import { useI18n } from '../../provider/use-atrium';

export interface Step {
  id: string;
  label: string;
}

export type StepState = 'complete' | 'current' | 'upcoming';

export interface StepperProps {
  steps: readonly Step[];
  /** The id of the step the user is on. */
  current: string;
  /** Ids of the steps already done; the user may go back to them when `onStepSelect` is given. */
  completed?: readonly string[];
  onStepSelect?: (id: string) => void;
  orientation?: 'vertical' | 'horizontal';
}

/**
 * Where the user is in a flow of steps: each step's state is shown by a marker and read out
 * (`aria-current="step"` for the current one, "completed" for those done).
 */
export function Stepper({ steps, current, completed = [], onStepSelect, orientation = 'vertical' }: StepperProps) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('stepper.label')}>
      <ol className="atr-stepper" data-orientation={orientation}>
        {steps.map((step, index) => {
          const state: StepState =
            step.id === current ? 'current' : completed.includes(step.id) ? 'complete' : 'upcoming';
          const content = (
            <>
              <span className="atr-step-marker" aria-hidden="true">
                {state === 'complete' ? '✓' : index + 1}
              </span>
              <span>
                {step.label}
                {state === 'complete' && <span className="atr-visually-hidden">, {t('stepper.complete')}</span>}
              </span>
            </>
          );
          return (
            <li
              key={step.id}
              className="atr-step"
              data-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {state === 'complete' && onStepSelect ? (
                <button type="button" className="atr-step-button" onClick={() => onStepSelect(step.id)}>
                  {content}
                </button>
              ) : (
                <span className="atr-step-content">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** "Step 2 of 5", for headings of a step. */
export function useStepPosition(steps: readonly Step[], current: string): string {
  const { t } = useI18n();
  return t('stepper.position', { current: steps.findIndex((step) => step.id === current) + 1, total: steps.length });
}
