import { Dialog } from '../dialog/dialog';
import type { DialogProps } from '../dialog/dialog';

export type DrawerProps = Omit<DialogProps, 'variant'>;

/** A panel that slides in at the inline end, for details beside a list; a modal Dialog underneath. */
export function Drawer(props: DrawerProps) {
  return <Dialog {...props} variant="drawer" />;
}
