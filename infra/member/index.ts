export { organizationBusPolicy } from './bus-policy.js';
export { MemberTemplateError, type MemberTemplateInput } from './member-input.js';
export { MEMBER_READERS } from './member-readers.js';
export { type OrganizationOptions, organizationOptions } from './organization-options.js';
export { MEMBER_ROLE_ID, memberTemplate } from './template.js';
