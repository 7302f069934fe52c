export { DateText } from './date-text';
export type { DateTextProps } from './date-text';
