import { useEffect, useEffectEvent, useRef } from 'react';

/**
 * Makes an element take a file dropped on it. Dragging is a pointer's shortcut: the element also
 * holds a file input, which is how the keyboard and assistive technology choose the same file.
 */
export function useDropTarget<E extends HTMLElement>(
  busy: boolean,
  setDragging: (dragging: boolean) => void,
  onFile: (file: File) => void,
) {
  const ref = useRef<E>(null);
  const over = useEffectEvent((event: DragEvent) => {
    event.preventDefault();
    if (!busy) setDragging(true);
  });
  const leave = useEffectEvent(() => setDragging(false));
  const drop = useEffectEvent((event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file && !busy) onFile(file);
  });
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', leave);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', leave);
      element.removeEventListener('drop', drop);
    };
  }, []);
  return ref;
}
