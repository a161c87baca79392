import { CATALOG, findingId, RESOURCE_TYPE_INFO } from '@customs/core';
import type { ExportedFinding } from '../../src/index.js';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';

/** A stable, ARN-shaped resource id of each type (an image's and a registry's are ARN-shaped too). */
function resourceIdOf(type: ExportedFinding['resourceType'], name: string): string {
  const service = RESOURCE_TYPE_INFO[type].service;
  if (service === 'iam') return `arn:aws:iam::${ACCOUNT}:${type.slice(4)}/${name}`;
  return `arn:aws:${service}:${REGION}:${ACCOUNT}:${type.slice(service.length + 1)}/${name}`;
}

/**
 * One failing finding of `checkId`, first seen at `firstSeenAt` and stored at version 1, as the
 * store keeps it (OPEN).
 */
export function openFinding(checkId: string, overrides: Partial<ExportedFinding> = {}): ExportedFinding {
  const check = CATALOG.get(checkId);
  if (!check) throw new Error(`no check ${checkId}`);
  const resourceName = overrides.resourceName ?? 'payments';
  const resourceId = overrides.resourceId ?? resourceIdOf(check.resourceType, resourceName);
  const at = '2026-11-30T09:15:00.000Z';
  return {
    id: findingId(check.id, resourceId),
    checkId: check.id,
    title: check.title,
    resourceType: check.resourceType,
    resourceId,
    resourceName,
    accountId: ACCOUNT,
    region: REGION,
    status: 'FAIL',
    severity: check.severity,
    recommendation: check.recommendation,
    message: `${resourceName} fails ${check.id}`,
    evaluatedAt: at,
    state: 'OPEN',
    version: 1,
    firstSeenAt: at,
    lastEvaluatedAt: at,
    lastChangedAt: at,
    ...overrides,
  };
}

/** The same finding later resolved by a passing evaluation at `at` (version 2). */
export function resolvedFinding(open: ExportedFinding, at = '2026-11-30T10:00:00.000Z'): ExportedFinding {
  return {
    ...open,
    status: 'PASS',
    state: 'RESOLVED',
    version: (open.version ?? 1) + 1,
    message: `${open.resourceName} passes ${open.checkId}`,
    evaluatedAt: at,
    lastEvaluatedAt: at,
    lastChangedAt: at,
  };
}
