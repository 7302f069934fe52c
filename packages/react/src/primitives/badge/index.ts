export { Badge, StatusBadge } from './badge';
export type { BadgeProps, BadgeTone, StatusBadgeProps, StatusKind } from './badge';
