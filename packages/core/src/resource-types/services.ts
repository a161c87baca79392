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
  /** The Security Hub control prefix of the service's controls (`EKS.2`). */
  securityHubPrefix: string;
  /** The Lambda function that re-assesses the service's resources from its events. */
  handler: `on-${string}-event`;
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
  },
  eks: {
    title: 'Amazon EKS',
    scope: 'regional',
    securityHubPrefix: 'EKS',
    handler: 'on-eks-event',
  },
  iam: {
    title: 'AWS IAM',
    scope: 'global',
    homeRegion: 'us-east-1',
    securityHubPrefix: 'IAM',
    handler: 'on-iam-event',
  },
} as const satisfies Record<string, ServiceInfo>;

/** A service Customs reads: `ecr`, `eks`, `iam`. */
export type Service = keyof typeof SERVICES;

/** The services, in the order of SERVICES. */
export const SERVICE_NAMES = Object.keys(SERVICES) as [Service, ...Service[]];

/** The region every global service's resources are read and stored in (IAM's is us-east-1). */
export const GLOBAL_REGION = SERVICES.iam.homeRegion;

/** The event handlers, one per service. */
export type EventHandlerName = (typeof SERVICES)[Service]['handler'];

/** Every event handler, in the order of SERVICES. */
export const EVENT_HANDLER_NAMES = SERVICE_NAMES.map((service) => SERVICES[service].handler) as [
  EventHandlerName,
  ...EventHandlerName[],
];
