export { NotificationBanner } from './notification-banner';
export type { NotificationBannerProps, NotificationsChangeEvent } from './notification-banner';
