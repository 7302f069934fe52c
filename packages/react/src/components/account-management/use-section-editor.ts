import { useState } from 'react';
import { useI18n } from '../../provider/use-atrium';

/** A section's editor: what is open (nothing, or a target), and the status said after a save. */
export function useSectionEditor<T>(onOpen: () => void) {
  const { t } = useI18n();
  const [open, setOpen] = useState<T | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  return {
    open,
    status,
    start: (target: T) => {
      setStatus(undefined);
      setOpen(target);
      onOpen();
    },
    close: () => setOpen(undefined),
    saved: () => {
      setOpen(undefined);
      setStatus(t('management.saved'));
    },
  };
}
