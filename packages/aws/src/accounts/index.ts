export { accountFailure } from './account-failure.js';
export {
  AccountRouter,
  type AccountRouterOptions,
  type RoutedResult,
  type ScopeFailure,
} from './account-router.js';
