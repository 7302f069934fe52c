import { useI18n } from '../../../provider/use-atrium';
import { Button } from '../../../primitives/button/button';

export interface StepFooterProps {
  saving: boolean;
  onBack: (() => void) | undefined;
  onSkip: (() => void) | undefined;
  /** The primary button's words; "Save and continue" by default. */
  submitLabel?: string;
}

/** Back, Skip for now, and the submit button that saves the step and moves on. */
export function StepFooter({ saving, onBack, onSkip, submitLabel }: StepFooterProps) {
  const { t } = useI18n();
  return (
    <>
      {onBack && (
        <Button variant="ghost" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
      )}
      <span className="atr-form-footer-spacer" />
      {onSkip && (
        <Button variant="secondary" onClick={onSkip}>
          {t('onboarding.skip')}
        </Button>
      )}
      <Button type="submit" variant="primary" loading={saving}>
        {submitLabel ?? t('onboarding.saveAndContinue')}
      </Button>
    </>
  );
}
