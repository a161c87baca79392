import type { AwsSecurityFinding, Partition, Resource } from '@aws-sdk/client-securityhub';
import {
  bounded,
  checkOf,
  type ExportedFinding,
  effectiveState,
  isArchived,
  partitionOf,
  requirementsOf,
} from '../interchange/index.js';
import { ASFF_LIMITS } from './asff-rules.js';
import { ASFF_RESOURCE_TYPES } from './resource-types.js';

/** Where the findings are imported: the account's own product ARN (a custom integration). */
export interface AsffOptions {
  /** The Security Hub region the findings are imported into (the finding's region when absent). */
  region?: string;
  /** The version of Customs that produced the findings (ProductFields). */
  productVersion: string;
}

const SEVERITY_LABELS = {
  critical: 'CRITICAL',
  high: 'HIGH',
  medium: 'MEDIUM',
  low: 'LOW',
  informational: 'INFORMATIONAL',
} as const;

const COMPLIANCE_STATUS = {
  PASS: 'PASSED',
  FAIL: 'FAILED',
  NOT_APPLICABLE: 'NOT_AVAILABLE',
  ERROR: 'NOT_AVAILABLE',
} as const;

/**
 * The workflow status each lifecycle state stands for. Security Hub takes `Workflow` from a
 * finding's first import only (BatchImportFindings ignores it on updates): later changes are sent
 * with BatchUpdateFindings (`workflowUpdate`).
 */
const WORKFLOW_STATUS = {
  OPEN: 'NEW',
  SUPPRESSED: 'SUPPRESSED',
  RESOLVED: 'RESOLVED',
  PASSING: 'RESOLVED',
  NOT_APPLICABLE: 'RESOLVED',
  ERROR: 'NEW',
} as const;

/** The workflow status a finding should have in Security Hub. */
export function workflowStatusOf(finding: ExportedFinding): 'NEW' | 'SUPPRESSED' | 'RESOLVED' {
  return WORKFLOW_STATUS[effectiveState(finding)];
}

function asffResource(finding: ExportedFinding, partition: string): Resource {
  const type = ASFF_RESOURCE_TYPES[finding.resourceType];
  return {
    Type: type,
    Id: bounded(finding.resourceId, ASFF_LIMITS.resourceId),
    Partition: partition as Partition,
    Region: finding.region,
    // ASFF has no type of its own for these: say what they are in `Other`.
    ...(type === 'Other'
      ? {
          Details: {
            Other: {
              'customs/resourceType': finding.resourceType,
              'customs/resourceName': bounded(finding.resourceName, ASFF_LIMITS.otherValue),
            },
          },
        }
      : {}),
  };
}

/**
 * The product ARN of the default (custom) integration of an account, which any account may import
 * its own findings under (BatchImportFindings: "the default product ARN").
 * @example defaultProductArn('aws', 'eu-west-1', '111122223333') // 'arn:aws:securityhub:eu-west-1:111122223333:product/111122223333/default'
 */
export function defaultProductArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`;
}

/**
 * A finding in the AWS Security Finding Format (2018-10-08): its stable id as `Id`, the check as
 * `GeneratorId`, the verdict as `Compliance.Status`, the lifecycle as `Workflow.Status` and
 * `RecordState` (ARCHIVED once its resource is gone), and its own times — `CreatedAt` and
 * `FirstObservedAt` are the first evaluation's and never move.
 * @example const document = asffFinding(stored, { productVersion: '0.1.0' });
 */
export function asffFinding(finding: ExportedFinding, options: AsffOptions): AwsSecurityFinding {
  const check = checkOf(finding);
  const region = options.region ?? finding.region;
  const partition = partitionOf(finding.resourceId);
  const first = finding.firstSeenAt ?? finding.evaluatedAt;
  const last = finding.lastEvaluatedAt ?? finding.evaluatedAt;
  const remediation = check?.remediation;
  return {
    SchemaVersion: '2018-10-08',
    Id: finding.id,
    ProductArn: defaultProductArn(partition, region, finding.accountId),
    ProductName: 'Customs',
    CompanyName: 'Customs',
    Region: region,
    GeneratorId: finding.checkId,
    AwsAccountId: finding.accountId,
    Types: [`Software and Configuration Checks/Industry and Regulatory Standards/${finding.recommendation}`],
    FirstObservedAt: first,
    LastObservedAt: last,
    CreatedAt: first,
    UpdatedAt: last,
    Severity: { Label: SEVERITY_LABELS[finding.severity], Original: finding.severity },
    Title: bounded(check?.title ?? finding.title, ASFF_LIMITS.title),
    Description: bounded(finding.message, ASFF_LIMITS.description),
    ...(remediation
      ? {
          Remediation: {
            Recommendation: {
              Text: bounded(remediation.text, ASFF_LIMITS.recommendationText),
              ...(remediation.url ? { Url: remediation.url } : {}),
            },
          },
        }
      : {}),
    ProductFields: {
      'customs/checkId': finding.checkId,
      'customs/recommendation': finding.recommendation,
      'customs/state': effectiveState(finding),
      'customs/version': options.productVersion,
      ...(finding.resolvedReason
        ? { 'customs/resolvedReason': bounded(finding.resolvedReason, ASFF_LIMITS.productFieldValue) }
        : {}),
    },
    Resources: [asffResource(finding, partition)],
    Compliance: {
      Status: COMPLIANCE_STATUS[finding.status],
      RelatedRequirements: requirementsOf(finding, check).slice(0, ASFF_LIMITS.relatedRequirements),
    },
    Workflow: { Status: workflowStatusOf(finding) },
    RecordState: isArchived(finding) ? 'ARCHIVED' : 'ACTIVE',
  };
}
