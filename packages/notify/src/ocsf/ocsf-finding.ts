import { RECOMMENDATION_TITLES, RESOURCE_TYPE_INFO } from '@customs/core';
import {
  bounded,
  checkOf,
  type ExportedFinding,
  effectiveState,
  isArchived,
  partitionOf,
  requirementsOf,
  STANDARDS,
} from '../interchange/index.js';

/** The OCSF schema version the events follow. */
export const OCSF_VERSION = '1.1.0';
/** Findings category, Compliance Finding class (OCSF 1.1.0). */
export const OCSF_COMPLIANCE_FINDING = { categoryUid: 2, classUid: 2003 } as const;

/** What happened to the finding (`activity_id`): Create, Update, Close. */
export type OcsfActivity = 'Create' | 'Update' | 'Close';
const ACTIVITY_IDS: Record<OcsfActivity, 1 | 2 | 3> = { Create: 1, Update: 2, Close: 3 };

const SEVERITY = {
  informational: [1, 'Informational'],
  low: [2, 'Low'],
  medium: [3, 'Medium'],
  high: [4, 'High'],
  critical: [5, 'Critical'],
} as const;

/** The finding's status (`status_id`): New, Suppressed, Resolved. */
const STATUS = {
  OPEN: [1, 'New'],
  ERROR: [1, 'New'],
  SUPPRESSED: [3, 'Suppressed'],
  RESOLVED: [4, 'Resolved'],
  PASSING: [4, 'Resolved'],
  NOT_APPLICABLE: [4, 'Resolved'],
} as const;

/** The compliance status (`compliance.status_id`): Pass, Fail, Other (not applicable, error). */
const COMPLIANCE_STATUS = {
  PASS: [1, 'Pass'],
  FAIL: [3, 'Fail'],
  NOT_APPLICABLE: [99, 'Not applicable'],
  ERROR: [99, 'Error'],
} as const;

/** An OCSF 1.1.0 Compliance Finding (class 2003), as Customs writes it. */
export interface OcsfComplianceFinding {
  activity_id: 1 | 2 | 3;
  activity_name: OcsfActivity;
  category_uid: 2;
  category_name: 'Findings';
  class_uid: 2003;
  class_name: 'Compliance Finding';
  type_uid: number;
  type_name: string;
  time: number;
  severity_id: number;
  severity: string;
  status_id: number;
  status: string;
  message: string;
  finding_info: {
    uid: string;
    title: string;
    desc?: string;
    types: string[];
    created_time: number;
    first_seen_time: number;
    last_seen_time: number;
    modified_time: number;
  };
  compliance: {
    control: string;
    requirements: string[];
    standards: string[];
    status_id: number;
    status: string;
  };
  remediation?: { desc: string; references: string[] };
  resources: {
    uid: string;
    name: string;
    type: string;
    region: string;
    cloud_partition: string;
    owner: { account: { uid: string; type: 'AWS Account'; type_id: 10 } };
  }[];
  cloud: { provider: 'AWS'; region: string; account: { uid: string; type: 'AWS Account'; type_id: 10 } };
  metadata: {
    version: typeof OCSF_VERSION;
    product: { name: 'Customs'; vendor_name: 'Customs'; version: string };
    profiles: ['cloud'];
    uid: string;
  };
  unmapped: { state: string; resolved_reason?: string; archived: boolean };
}

const epochMs = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
};

/**
 * The activity a finding's export stands for: Create at its first version (and for a scan's
 * verdicts), Close once resolved or suppressed, else Update.
 */
export function activityOf(finding: ExportedFinding): OcsfActivity {
  const state = effectiveState(finding);
  if (state === 'RESOLVED' || state === 'SUPPRESSED') return 'Close';
  return finding.version === undefined || finding.version === 1 ? 'Create' : 'Update';
}

/**
 * A finding as an OCSF 1.1.0 Compliance Finding event (cloud profile): `finding_info.uid` is the
 * finding's stable id, so every update of a finding names the same finding; its first-seen time
 * never moves.
 * @example const event = ocsfFinding(stored, { productVersion: '0.1.0' });
 */
export function ocsfFinding(
  finding: ExportedFinding,
  options: { productVersion: string; activity?: OcsfActivity },
): OcsfComplianceFinding {
  const check = checkOf(finding);
  const activity = options.activity ?? activityOf(finding);
  const activityId = ACTIVITY_IDS[activity];
  const state = effectiveState(finding);
  const [severityId, severity] = SEVERITY[finding.severity];
  const [statusId, status] = STATUS[state];
  const [complianceId, complianceStatus] = COMPLIANCE_STATUS[finding.status];
  const first = epochMs(finding.firstSeenAt ?? finding.evaluatedAt);
  const last = epochMs(finding.lastEvaluatedAt ?? finding.evaluatedAt);
  const account = { uid: finding.accountId, type: 'AWS Account', type_id: 10 } as const;
  const remediation = check?.remediation;
  return {
    activity_id: activityId,
    activity_name: activity,
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2003,
    class_name: 'Compliance Finding',
    type_uid: OCSF_COMPLIANCE_FINDING.classUid * 100 + activityId,
    type_name: `Compliance Finding: ${activity}`,
    time: last,
    severity_id: severityId,
    severity,
    status_id: statusId,
    status,
    message: bounded(finding.message, 4096),
    finding_info: {
      uid: finding.id,
      title: check?.title ?? finding.title,
      ...(check ? { desc: check.rationale } : {}),
      types: [`${finding.recommendation} ${RECOMMENDATION_TITLES[finding.recommendation]}`],
      created_time: first,
      first_seen_time: first,
      last_seen_time: last,
      modified_time: epochMs(finding.lastChangedAt ?? finding.lastEvaluatedAt ?? finding.evaluatedAt),
    },
    compliance: {
      control: finding.checkId,
      requirements: requirementsOf(finding, check),
      standards: [
        STANDARDS.csa,
        ...((check?.mappings.securityHub?.length ?? 0) > 0 ? ['AWS Security Hub'] : []),
      ],
      status_id: complianceId,
      status: complianceStatus,
    },
    ...(remediation
      ? {
          remediation: {
            desc: remediation.text,
            references: [remediation.url, remediation.cli].filter(
              (value): value is string => value !== undefined,
            ),
          },
        }
      : {}),
    resources: [
      {
        uid: finding.resourceId,
        name: finding.resourceName,
        type: RESOURCE_TYPE_INFO[finding.resourceType].title,
        region: finding.region,
        cloud_partition: partitionOf(finding.resourceId),
        owner: { account },
      },
    ],
    cloud: { provider: 'AWS', region: finding.region, account },
    metadata: {
      version: OCSF_VERSION,
      product: { name: 'Customs', vendor_name: 'Customs', version: options.productVersion },
      profiles: ['cloud'],
      uid: `${finding.id}:${finding.version ?? 1}`,
    },
    unmapped: {
      state,
      ...(finding.resolvedReason ? { resolved_reason: finding.resolvedReason } : {}),
      archived: isArchived(finding),
    },
  };
}
