export { Stepper, useStepPosition } from './stepper';
export type { Step, StepperProps, StepState } from './stepper';
