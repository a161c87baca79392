/**
 * The services Customs reads, one descriptor each: where its resources live, how its checks and
 * Security Hub controls are named, and which event handler re-assesses them.
 */
export interface ServiceInfo {
  /** A short title for messages and docs. */
  title: string;
  /** `global` services (IAM) are read once per account, in `homeRegion`; `regional` ones in every region. */
  scope: 'regional' | 'global';
  /** Where a global service is read and its resources are stored. */
  homeRegion?: string;
  /** The Security Hub control prefix of the service's controls (`EKS.2`); none when Security Hub has no controls for it. */
  securityHubPrefix?: string;
  /**
   * The Lambda function that re-assesses the service's resources from its events: `on-<service>-event`
   * for EventBridge events, `on-<service>-audit` for a CloudWatch Logs subscription (Kubernetes audit logs).
   */
  handler: `on-${string}-event` | `on-${string}-audit`;
  /**
   * How its changes are announced: `eventbridge` (the service's own events and CloudTrail's), or
   * `audit-log` (no AWS event announces them: a CloudWatch Logs subscription on the cluster's audit log).
   */
  delivery: 'eventbridge' | 'audit-log';
  /** The `source` of the service's own EventBridge events and of its CloudTrail events (`aws.ecr`). */
  eventSource?: `aws.${string}`;
  /** CloudTrail's `eventSource` of the service's API calls (`ecr.amazonaws.com`). */
  cloudTrailSource?: `${string}.amazonaws.com`;
}

/**
 * Every service, by the prefix its check ids and resource types start with.
 * @example SERVICES.iam.scope // 'global'
 */
export const SERVICES = {
  ecr: {
    title: 'Amazon ECR',
    scope: 'regional',
    securityHubPrefix: 'ECR',
    handler: 'on-ecr-event',
    delivery: 'eventbridge',
    eventSource: 'aws.ecr',
    cloudTrailSource: 'ecr.amazonaws.com',
  },
  eks: {
    title: 'Amazon EKS',
    scope: 'regional',
    securityHubPrefix: 'EKS',
    handler: 'on-eks-event',
    delivery: 'eventbridge',
    eventSource: 'aws.eks',
    cloudTrailSource: 'eks.amazonaws.com',
  },
  ecs: {
    title: 'Amazon ECS',
    scope: 'regional',
    securityHubPrefix: 'ECS',
    handler: 'on-ecs-event',
    delivery: 'eventbridge',
    eventSource: 'aws.ecs',
    cloudTrailSource: 'ecs.amazonaws.com',
  },
  k8s: {
    title: 'Kubernetes on Amazon EKS',
    scope: 'regional',
    handler: 'on-k8s-audit',
    delivery: 'audit-log',
  },
  iam: {
    title: 'AWS IAM',
    scope: 'global',
    homeRegion: 'us-east-1',
    securityHubPrefix: 'IAM',
    handler: 'on-iam-event',
    delivery: 'eventbridge',
    eventSource: 'aws.iam',
    cloudTrailSource: 'iam.amazonaws.com',
  },
} as const satisfies Record<string, ServiceInfo>;

/** A service Customs reads: `ecr`, `eks`, `iam`. */
export type Service = keyof typeof SERVICES;

/** The services, in the order of SERVICES. */
export const SERVICE_NAMES = Object.keys(SERVICES) as [Service, ...Service[]];

/** The region every global service's resources are read and stored in (IAM's is us-east-1). */
export const GLOBAL_REGION = SERVICES.iam.homeRegion;

/** The regional services: read, and their resources stored, in every region. */
export const REGIONAL_SERVICES = SERVICE_NAMES.filter((service) => SERVICES[service].scope === 'regional');

/** The global services: read once per account, in their home region. */
export const GLOBAL_SERVICES = SERVICE_NAMES.filter((service) => SERVICES[service].scope === 'global');

/** The services whose changes arrive as EventBridge events (all but the audit-log ones). */
export const EVENTBRIDGE_SERVICES = SERVICE_NAMES.filter(
  (service): service is EventBridgeService => SERVICES[service].delivery === 'eventbridge',
);

/** A service whose changes arrive as EventBridge events: `ecr`, `eks`, `ecs`, `iam`. */
export type EventBridgeService = {
  [S in Service]: (typeof SERVICES)[S] extends { delivery: 'eventbridge' } ? S : never;
}[Service];

/** The services with Security Hub controls of their own (a `securityHubPrefix`). */
export const SECURITY_HUB_SERVICES = SERVICE_NAMES.filter(
  (service) => (SERVICES[service] as ServiceInfo).securityHubPrefix !== undefined,
);

/** The event handlers, one per service. */
export type EventHandlerName = (typeof SERVICES)[Service]['handler'];

/** Every event handler, in the order of SERVICES. */
export const EVENT_HANDLER_NAMES = SERVICE_NAMES.map((service) => SERVICES[service].handler) as [
  EventHandlerName,
  ...EventHandlerName[],
];
