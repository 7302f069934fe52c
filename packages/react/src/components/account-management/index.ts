export { AccountManagement } from './account-management';
export type { AccountManagementProps, SectionOpenEvent } from './account-management';
export type { ManagementSection } from './section-props';
