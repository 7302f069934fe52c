export { ErrorSummary } from './error-summary';
export type { ErrorSummaryProps } from './error-summary';
export { FieldDescription, FieldError, FieldLabel, useFieldIds } from './field';
export type { FieldIds, FieldProps } from './field';
