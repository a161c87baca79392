import { RESOURCE_TYPE_INFO } from './resource-types/resource-types.js';
import {
  SECURITY_HUB_SERVICES,
  SERVICE_NAMES,
  SERVICES,
  type ServiceInfo,
} from './resource-types/services.js';

/** Resource types assessed by Customs (CHECKS.md), in the order of the registry (RESOURCE_TYPE_INFO). */
export const RESOURCE_TYPES = Object.keys(RESOURCE_TYPE_INFO) as [
  keyof typeof RESOURCE_TYPE_INFO,
  ...(keyof typeof RESOURCE_TYPE_INFO)[],
];

/** Severities, most severe first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;

/** The five CSA container recommendations (DESIGN.md). */
export const RECOMMENDATIONS = ['CSA-1', 'CSA-2', 'CSA-3', 'CSA-4', 'CSA-5'] as const;

/** Titles of the CSA recommendations, as DESIGN.md words them. */
export const RECOMMENDATION_TITLES: Record<(typeof RECOMMENDATIONS)[number], string> = {
  'CSA-1':
    'Understand the isolation capabilities of the container platform and the OS; choose the appropriate configuration.',
  'CSA-2':
    'Use physical or virtual machines to isolate containers; group containers of the same security context on the same hosts.',
  'CSA-3': 'Only approved, known and secure images or code can be deployed.',
  'CSA-4': 'Secure the orchestration, management and scheduler stack.',
  'CSA-5': 'Role-based access control and strong authentication for all container and repository management.',
};

/** Finding statuses. A check returns the first three; evaluation records ERROR. */
export const STATUSES = ['PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR'] as const;

/**
 * What a check id may start with: a service of SERVICES, or `aws` for the account × region scope
 * type (`aws-account`, the account itself rather than one service's resource).
 */
const CHECK_ID_PREFIXES = [...SERVICE_NAMES, 'aws'];

/** Check ids are kebab-case and start with the service they assess (or `aws-account-`). */
export const CHECK_ID_PATTERN = new RegExp(`^(${CHECK_ID_PREFIXES.join('|')})-[a-z0-9]+(-[a-z0-9]+)*$`);

/** Security Hub control ids of the services' controls, such as `EKS.2`. */
export const SECURITY_HUB_CONTROL_PATTERN = new RegExp(
  `^(${SECURITY_HUB_SERVICES.map((service) => (SERVICES[service] as ServiceInfo).securityHubPrefix).join('|')})\\.\\d+$`,
);

/** The longest title a check may have. */
export const MAX_TITLE_LENGTH = 150;
