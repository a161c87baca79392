import {
  type Finding,
  findingId,
  type Recommendation,
  type ResourceType,
  type Severity,
  type Status,
} from '@customs/core';

/** Test data: findings as `evaluate` returns them, for checks of CHECKS.md on realistic ARNs. */
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';
/** A member account of the organisation (AWS's documentation's example member id). */
export const MEMBER = '444455556666';

export interface CheckMeta {
  checkId: string;
  title: string;
  resourceType: ResourceType;
  severity: Severity;
  recommendation: Recommendation;
}

export const CHECKS = {
  scanOnPush: {
    checkId: 'ecr-repository-scan-on-push',
    title: 'ECR repositories scan images on push',
    resourceType: 'ecr-repository',
    severity: 'high',
    recommendation: 'CSA-3',
  },
  tagImmutability: {
    checkId: 'ecr-repository-tag-immutability',
    title: 'ECR repositories have immutable tags',
    resourceType: 'ecr-repository',
    severity: 'medium',
    recommendation: 'CSA-3',
  },
  noCritical: {
    checkId: 'ecr-image-no-critical-vulnerabilities',
    title: 'ECR images have no critical vulnerabilities',
    resourceType: 'ecr-image',
    severity: 'critical',
    recommendation: 'CSA-3',
  },
  endpointNotPublic: {
    checkId: 'eks-cluster-endpoint-not-public',
    title: 'EKS cluster endpoints are not open to the internet',
    resourceType: 'eks-cluster',
    severity: 'high',
    recommendation: 'CSA-4',
  },
  userMfa: {
    checkId: 'iam-user-mfa-enabled',
    title: 'IAM users with a console password have MFA',
    resourceType: 'iam-user',
    severity: 'high',
    recommendation: 'CSA-5',
  },
} as const satisfies Record<string, CheckMeta>;

export interface ResourceMeta {
  id: string;
  name: string;
  accountId: string;
  region: string;
}

export function repository(name: string, accountId = ACCOUNT, region = REGION): ResourceMeta {
  return { id: `arn:aws:ecr:${region}:${accountId}:repository/${name}`, name, accountId, region };
}

export function image(repositoryName: string, digest: string, accountId = ACCOUNT): ResourceMeta {
  const repositoryArn = repository(repositoryName, accountId).id;
  return {
    id: `${repositoryArn}@${digest}`,
    name: `${repositoryName}@${digest}`,
    accountId,
    region: REGION,
  };
}

const PAYMENTS_DIGEST = 'sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5';

/** `accountId`'s payments-api image failing no-critical, run by `running` tasks (`payments/payments-api`). */
export function inUseImageFinding(accountId: string, running: number, minutes: number): Finding {
  const where = running > 0 ? ['payments/payments-api'] : [];
  return {
    ...finding(CHECKS.noCritical, image('payments-api', PAYMENTS_DIGEST, accountId), 'FAIL', at(minutes)),
    inUse: { running, where },
  };
}

export function cluster(name: string, region = REGION): ResourceMeta {
  return { id: `arn:aws:eks:${region}:${ACCOUNT}:cluster/${name}`, name, accountId: ACCOUNT, region };
}

export function user(name: string): ResourceMeta {
  return { id: `arn:aws:iam::${ACCOUNT}:user/${name}`, name, accountId: ACCOUNT, region: 'us-east-1' };
}

/** The finding of `check` on `resource` with the given verdict at `evaluatedAt`. */
export function finding(
  check: CheckMeta,
  resource: ResourceMeta,
  status: Status,
  evaluatedAt: string,
  message = `${resource.name}: ${check.checkId} ${status}`,
): Finding {
  return {
    id: findingId(check.checkId, resource.id),
    checkId: check.checkId,
    title: check.title,
    resourceType: check.resourceType,
    resourceId: resource.id,
    resourceName: resource.name,
    accountId: resource.accountId,
    region: resource.region,
    status,
    severity: check.severity,
    recommendation: check.recommendation,
    message,
    evaluatedAt,
  };
}

/** `2026-11-20T10:00:00.000Z` plus `minutes`. */
export function at(minutes: number): string {
  return new Date(Date.parse('2026-11-20T10:00:00.000Z') + minutes * 60_000).toISOString();
}
