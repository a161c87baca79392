/** Resource types assessed by Customs (CHECKS.md). */
export const RESOURCE_TYPES = [
  'ecr-registry',
  'ecr-repository',
  'ecr-image',
  'eks-cluster',
  'eks-nodegroup',
  'eks-access-entry',
  'iam-user',
  'iam-role',
  'iam-policy',
  'iam-account',
] as const;

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

/** Check ids are kebab-case and start with the service they assess. */
export const CHECK_ID_PATTERN = /^(ecr|eks|iam)-[a-z0-9]+(-[a-z0-9]+)*$/;

/** The longest title a check may have. */
export const MAX_TITLE_LENGTH = 150;
