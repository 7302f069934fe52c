import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useI18n } from '../../provider/use-atrium';

export interface ErrorSummaryProps {
  /** The form whose field errors (`FieldError`) are summarised. */
  form: RefObject<HTMLFormElement | null>;
  /** How many submits have failed their checks; each new one is announced once. */
  failedSubmits: number;
}

/**
 * The one announcement of a submit that failed its checks. Field errors are not announced one by
 * one (ten alerts at once are a flood): each is tied to its control by `aria-describedby` and read
 * when the control takes focus (the first invalid one takes it), and this polite live region says
 * how many fields need attention. It does not repeat a message, so each is on the page once. The
 * region is always rendered, since a live region that appears together with its words is not
 * reliably announced.
 */
export function ErrorSummary({ form, failedSubmits }: ErrorSummaryProps) {
  const { t, locale } = useI18n();
  const region = useRef<HTMLDivElement>(null);
  const announced = useRef(0);
  // What was said in one language is not left behind, unread, in another.
  useEffect(() => region.current?.replaceChildren(), [locale]);
  // The errors are counted once they are on screen: react-hook-form may publish them a render
  // after the failure is counted, so every render checks until they are there. The words go
  // straight into the region, a new node each time, so the same words are announced again.
  useEffect(() => {
    if (failedSubmits === announced.current || form.current === null || region.current === null) return;
    const errors = [...form.current.querySelectorAll('.atr-field-error')];
    if (errors.length === 0) return;
    announced.current = failedSubmits;
    const words = document.createElement('span');
    words.textContent = t('fields.form.errorCount', { count: errors.length });
    region.current.replaceChildren(words);
  });
  return <div ref={region} role="status" className="atr-visually-hidden" />;
}
