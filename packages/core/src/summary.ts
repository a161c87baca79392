import { RECOMMENDATIONS, RESOURCE_TYPES, SEVERITIES } from './constants.js';
import type { Recommendation, ResourceType, Severity, Status } from './types/common.js';
import type { Finding } from './types/finding.js';

/** Counts of one slice of findings, and its posture score. */
export interface Posture {
  passed: number;
  failed: number;
  errors: number;
  notApplicable: number;
  /** Of the failed, how many a suppression covers (state SUPPRESSED): still failed in the score. */
  suppressed: number;
  /** Findings that count toward the score: passed + failed + errors. */
  evaluated: number;
  /** passed ÷ evaluated as a percentage with one decimal; null when nothing was evaluated. */
  score: number | null;
}

/** Posture overall and per CSA recommendation, severity and resource type. */
export interface PostureSummary {
  total: number;
  overall: Posture;
  byRecommendation: Record<Recommendation, Posture>;
  bySeverity: Record<Severity, Posture>;
  byResourceType: Record<ResourceType, Posture>;
}

function emptyPosture(): Posture {
  return { passed: 0, failed: 0, errors: 0, notApplicable: 0, suppressed: 0, evaluated: 0, score: null };
}

function keyed<K extends string>(keys: readonly K[]): Record<K, Posture> {
  return Object.fromEntries(keys.map((key) => [key, emptyPosture()])) as Record<K, Posture>;
}

function count(posture: Posture, status: Status, state: string | undefined): void {
  if (status === 'PASS') posture.passed++;
  else if (status === 'FAIL') {
    posture.failed++;
    if (state === 'SUPPRESSED') posture.suppressed++;
  } else if (status === 'ERROR') posture.errors++;
  else posture.notApplicable++;
}

function score(posture: Posture): void {
  posture.evaluated = posture.passed + posture.failed + posture.errors;
  posture.score =
    posture.evaluated === 0 ? null : Math.round((posture.passed / posture.evaluated) * 1000) / 10;
}

/**
 * Summarises findings into posture counts: what passed out of what was evaluated
 * (NOT_APPLICABLE is left out of the score; ERROR counts against it). A finding with
 * `state: 'SUPPRESSED'` (stored, or suppressed by `scan --suppressions`) counts as failed and suppressed.
 * @example summarize(findings).byRecommendation['CSA-4'].score // 71.4
 */
export function summarize(
  findings: Iterable<
    Pick<Finding, 'status' | 'recommendation' | 'severity' | 'resourceType'> & { state?: string }
  >,
): PostureSummary {
  const summary: PostureSummary = {
    total: 0,
    overall: emptyPosture(),
    byRecommendation: keyed(RECOMMENDATIONS),
    bySeverity: keyed(SEVERITIES),
    byResourceType: keyed(RESOURCE_TYPES),
  };
  for (const finding of findings) {
    summary.total++;
    count(summary.overall, finding.status, finding.state);
    count(summary.byRecommendation[finding.recommendation], finding.status, finding.state);
    count(summary.bySeverity[finding.severity], finding.status, finding.state);
    count(summary.byResourceType[finding.resourceType], finding.status, finding.state);
  }
  const all = [
    summary.overall,
    ...Object.values(summary.byRecommendation),
    ...Object.values(summary.bySeverity),
    ...Object.values(summary.byResourceType),
  ];
  for (const posture of all) score(posture);
  return summary;
}
