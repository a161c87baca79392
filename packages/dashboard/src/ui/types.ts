/** The API's answers, as packages/api/src/schemas/responses.ts documents them. */
export interface Posture {
  passed: number;
  failed: number;
  errors: number;
  notApplicable: number;
  suppressed: number;
  evaluated: number;
  score: number | null;
}

export interface Summary {
  total: number;
  overall: Posture;
  byRecommendation: Record<string, Posture>;
  bySeverity: Record<string, Posture>;
  byResourceType: Record<string, Posture>;
  /** Every account the store holds, with its overall posture, whatever the filter (GET /summary). */
  accounts?: AccountPosture[];
}

export interface AccountPosture {
  accountId: string;
  overall: Posture;
}

export interface PostureDay {
  date: string;
  overall: Posture;
  byRecommendation: Record<string, Posture>;
  bySeverity: Record<string, Posture>;
}

export interface Remediation {
  text: string;
  cli: string;
  iac: { format: string; snippet: string };
  url?: string;
}

export interface Finding {
  id: string;
  checkId: string;
  title: string;
  resourceType: string;
  resourceId: string;
  resourceName: string;
  accountId: string;
  region: string;
  status: string;
  severity: string;
  recommendation: string;
  message: string;
  evaluatedAt: string;
  state: string;
  firstSeenAt: string;
  lastChangedAt: string;
  openedAt?: string;
  resolvedAt?: string;
  suppressionId?: string;
  suppressedUntil?: string;
  inUse?: boolean;
  rationale?: string;
  remediation?: Remediation;
}

export interface HistoryEntry {
  version: number;
  transition: string;
  state: string;
  status: string;
  message: string;
  evaluatedAt: string;
  previousState?: string;
  reason?: string;
  suppressionId?: string;
  actor?: string;
  changedAt?: string;
}

export interface Suppression {
  id: string;
  checkId?: string;
  resourcePattern?: string;
  reason: string;
  owner: string;
  expiresAt: string;
  createdAt: string;
  createdBy: string;
  active: boolean;
}

export interface SuppressionChange {
  suppression: Suppression;
  changes: { findingId: string; checkId: string; resourceId: string; transition: string }[];
}

export interface Check {
  id: string;
  title: string;
  resourceType: string;
  recommendation: string;
  severity: string;
  rationale: string;
  remediation: Remediation;
  mappings: Record<string, string[]>;
}
