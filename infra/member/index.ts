export { MemberTemplateError, type MemberTemplateInput } from './member-input.js';
export { MEMBER_ROLE_ID, memberTemplate } from './template.js';
