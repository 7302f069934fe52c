export { Dialog } from './dialog';
export type { DialogProps, DialogTriggerProps } from './dialog';
