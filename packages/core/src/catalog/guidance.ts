import type { Remediation } from '../check/define-check.js';
import { CATALOG } from './index.js';

/** What a finding carries to be fixed: its check's rationale and remediation. */
interface Guidance {
  /** Why it matters: the risk of failing the check. */
  rationale: string;
  remediation: Remediation;
}

/**
 * A finding with its check's title, rationale and remediation (text, CLI, IaC, URL), as every
 * output shows it; a finding of a check no longer in the catalog is returned as it is.
 * @example withGuidance(finding).remediation.cli // 'aws ecr put-image-scanning-configuration ...'
 */
export function withGuidance<T extends { checkId: string; title?: string }>(
  finding: T,
): T & Partial<Guidance> {
  const check = CATALOG.get(finding.checkId);
  if (!check) return finding;
  return { ...finding, title: check.title, rationale: check.rationale, remediation: check.remediation };
}
