export {
  type AccountDirectory,
  accountDirectory,
  type DirectoryOptions,
  homeAccountId,
} from './account-directory.js';
export { accountFailure } from './account-failure.js';
export {
  AccountRouter,
  type AccountRouterOptions,
  type RoutedResult,
  type ScopeFailure,
} from './account-router.js';
export { type MemberOpenerOptions, memberOpener } from './member-collector.js';
export {
  MemberCredentials,
  type MemberCredentialsOptions,
  type MemberIdentity,
  MemberRoleError,
} from './member-credentials.js';
