import { useState } from 'react';
import { useI18n } from '../../provider/use-atrium';

/** A section's editor: what is open (nothing, or a target), and the status said after a save. */
export function useSectionEditor<T>(onOpen: () => void) {
  const { t } = useI18n();
  const [open, setOpen] = useState<T | undefined>(undefined);
  // Whether a save happened, not the words for it: they are said in the language of each render.
  const [saved, setSaved] = useState(false);
  return {
    open,
    status: saved ? t('management.saved') : undefined,
    start: (target: T) => {
      setSaved(false);
      setOpen(target);
      onOpen();
    },
    close: () => setOpen(undefined),
    saved: () => {
      setOpen(undefined);
      setSaved(true);
    },
  };
}
