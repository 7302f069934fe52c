export { FieldDescription, FieldError, FieldLabel, useFieldIds } from './field';
export type { FieldIds, FieldProps } from './field';
