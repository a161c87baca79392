export {
  childTypesOf,
  countedTypesOf,
  isGlobalType,
  isScopeLevel,
  needsParent,
  regionOfService,
  regionOfType,
  resourceNameOfRef,
  resourceTypeInfo,
  serviceOf,
  typesOfService,
} from './lookups.js';
export { type NamedResourceType, RESOURCE_TYPE_INFO, type ResourceTypeInfo } from './resource-types.js';
export {
  EVENT_HANDLER_NAMES,
  EVENTBRIDGE_SERVICES,
  type EventBridgeService,
  type EventHandlerName,
  GLOBAL_REGION,
  GLOBAL_SERVICES,
  REGIONAL_SERVICES,
  SERVICE_NAMES,
  SERVICES,
  type Service,
  type ServiceInfo,
} from './services.js';
