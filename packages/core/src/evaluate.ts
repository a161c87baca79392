import { CATALOG } from './catalog/index.js';
import type { AnyCheck } from './check/define-check.js';
import type { CheckRegistry } from './check/registry.js';
import { type Config, DEFAULT_CONFIG } from './config.js';
import { findingId } from './finding-id.js';
import type { Status } from './types/common.js';
import type { Finding } from './types/finding.js';
import type { Resource } from './types/resource.js';

export interface EvaluateOptions {
  config?: Config;
  /** The checks to run; the full catalog by default. */
  catalog?: CheckRegistry;
  /** The time checks judge against (ages, grace periods); now by default. */
  now?: Date;
  /**
   * The time recorded as `evaluatedAt`, which orders evaluations in the store; `now` by default.
   * Differs from `now` when a snapshot is assessed as of its capture time but evaluated today.
   */
  evaluatedAt?: Date;
}

/**
 * Runs every check of the resource's type and returns one finding per check. A check whose
 * input could not be read, or that throws, yields an ERROR finding that says why.
 * @example
 * const findings = evaluate(cluster, { config: parseConfig({ eksMinVersion: '1.32' }) });
 */
export function evaluate(resource: Resource, options: EvaluateOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const now = options.now ?? new Date();
  const checks = (options.catalog ?? CATALOG).byResourceType(resource.type);
  const evaluatedAt = (options.evaluatedAt ?? now).toISOString();
  const context = { config, now };
  return checks.map(function runCheck(check) {
    const { status, message } = outcomeOf(check, resource, context);
    return toFinding(check, resource, status, message, evaluatedAt);
  });
}

function outcomeOf(
  check: AnyCheck,
  resource: Resource,
  context: { config: Config; now: Date },
): { status: Status; message: string } {
  const unreadable = resource.unreadable;
  if (unreadable) {
    const missing = check.reads.filter((property) => unreadable[property] !== undefined);
    if (missing.length > 0) {
      const reasons = missing.map((property) => `${property} (${unreadable[property]})`).join(', ');
      return { status: 'ERROR', message: `Could not read ${resource.name}: ${reasons}` };
    }
  }
  try {
    return check.evaluate(resource, context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 'ERROR', message: `Check ${check.id} failed on ${resource.name}: ${reason}` };
  }
}

function toFinding(
  check: AnyCheck,
  resource: Resource,
  status: Status,
  message: string,
  evaluatedAt: string,
): Finding {
  return {
    id: findingId(check.id, resource.id),
    checkId: check.id,
    title: check.title,
    resourceType: resource.type,
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

/** Evaluates many resources; the findings in resource order. */
export function evaluateAll(resources: Iterable<Resource>, options: EvaluateOptions = {}): Finding[] {
  const now = options.now ?? new Date();
  const fixed = { ...options, now, evaluatedAt: options.evaluatedAt ?? now };
  const findings: Finding[] = [];
  for (const resource of resources) findings.push(...evaluate(resource, fixed));
  return findings;
}
