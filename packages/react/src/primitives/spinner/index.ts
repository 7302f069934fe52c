export { LoadingState, Skeleton, Spinner } from './spinner';
export type { SkeletonProps, SpinnerProps } from './spinner';
