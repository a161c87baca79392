import { type AnyCheck, CATALOG, type Finding, type FindingState } from '@customs/core';

/**
 * A finding as the interchange formats (ASFF, OCSF) take it: a verdict (`customs scan`'s) or a
 * stored finding with its lifecycle (the store's, the API's, the fan-out's). The lifecycle fields
 * are optional so a scan's verdicts export too: they then stand for a first observation.
 */
export interface ExportedFinding extends Finding {
  state?: FindingState;
  stateBeforeError?: FindingState;
  /** evaluatedAt of the first stored evaluation: never changes, so neither do CreatedAt / FirstObservedAt. */
  firstSeenAt?: string;
  /** evaluatedAt of the last write. */
  lastEvaluatedAt?: string;
  /** evaluatedAt of the last change of state or status. */
  lastChangedAt?: string;
  /** Why it was resolved without an evaluation: its resource is gone (or no longer in use). */
  resolvedReason?: string;
  version?: number;
}

/**
 * Where a finding is, for the formats: its state (OPEN for a scan's FAIL, PASSING for a PASS…),
 * through an ERROR the state before it.
 * @example effectiveState({ status: 'FAIL' } as ExportedFinding) // 'OPEN'
 */
export function effectiveState(finding: ExportedFinding): Exclude<FindingState, 'ERROR'> | 'ERROR' {
  const state = finding.state === 'ERROR' ? finding.stateBeforeError : finding.state;
  if (state !== undefined && state !== 'ERROR') return state;
  if (finding.state === 'ERROR' || finding.status === 'ERROR') return 'ERROR';
  if (finding.status === 'FAIL') return 'OPEN';
  return finding.status === 'PASS' ? 'PASSING' : 'NOT_APPLICABLE';
}

/** The finding's resource is gone: resolved without an evaluation. */
export function isArchived(finding: ExportedFinding): boolean {
  return finding.state === 'RESOLVED' && finding.resolvedReason !== undefined;
}

/** The check that produced a finding, when this version of Customs still has it. */
export function checkOf(finding: Finding): AnyCheck | undefined {
  return CATALOG.get(finding.checkId);
}

/**
 * The requirements a finding's check answers: its CSA recommendation, then the Security Hub
 * controls, Config rules, CIS EKS sections, Kubescape controls and Pod Security Standards
 * controls it maps to, each prefixed with its standard.
 * @example requirementsOf(finding) // ['CSA-1', 'AWS Security Hub ECS.4', 'CIS Amazon EKS Benchmark 5.4.2']
 * @example requirementsOf(privilegedPod) // ['CSA-4', …, 'Kubescape C-0057', 'Pod Security Standards privileged']
 */
export function requirementsOf(finding: Finding, check = checkOf(finding)): string[] {
  const mappings = check?.mappings ?? {};
  return [
    finding.recommendation,
    ...(mappings.securityHub ?? []).map((control) => `AWS Security Hub ${control}`),
    ...(mappings.config ?? []).map((rule) => `AWS Config ${rule}`),
    ...(mappings.cisEks ?? []).map((section) => `CIS Amazon EKS Benchmark ${section}`),
    ...(mappings.kubescape ?? []).map((control) => `Kubescape ${control}`),
    ...(mappings.pss ?? []).map((control) => `Pod Security Standards ${control}`),
  ];
}

/** The standards the requirements come from, by name. */
export const STANDARDS = {
  csa: 'CSA Best Practices for Implementing a Secure Application Container Architecture',
} as const;

/**
 * `text` cut to at most `max` UTF-16 units, on a code point boundary, with `…` when cut; an empty
 * text becomes `fallback` (the formats refuse empty strings).
 * @example bounded('x'.repeat(2000), 1024).length // 1024
 */
export function bounded(text: string | undefined, max: number, fallback = '-'): string {
  const value = text === undefined || text.trim() === '' ? fallback : text;
  if (value.length <= max) return value;
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`), else `aws`. */
export function partitionOf(arn: string): string {
  if (!arn.startsWith('arn:')) return 'aws';
  const end = arn.indexOf(':', 4);
  return end > 4 ? arn.slice(4, end) : 'aws';
}
