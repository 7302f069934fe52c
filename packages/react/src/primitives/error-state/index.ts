export { ErrorState } from './error-state';
export type { ErrorStateProps } from './error-state';
export { describeError } from './describe-error';
export type { ErrorDescription } from './describe-error';
