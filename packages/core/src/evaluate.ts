import { CATALOG } from './catalog/index.js';
import type { AnyCheck, CheckContext } from './check/define-check.js';
import type { CheckRegistry } from './check/registry.js';
import { type Config, DEFAULT_CONFIG } from './config.js';
import { findingId } from './finding-id.js';
import type { CheckOutcome, Finding } from './types/finding.js';
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

/** What every resource of one evaluation shares: worked out once, not per resource or per finding. */
interface Run {
  catalog: CheckRegistry;
  context: CheckContext;
  evaluatedAt: string;
}

function runOf(options: EvaluateOptions): Run {
  const now = options.now ?? new Date();
  return {
    catalog: options.catalog ?? CATALOG,
    context: { config: options.config ?? DEFAULT_CONFIG, now },
    evaluatedAt: (options.evaluatedAt ?? now).toISOString(),
  };
}

/**
 * Runs every check of the resource's type and returns one finding per check. A check whose
 * input could not be read, or that throws, yields an ERROR finding that says why.
 * @example
 * const findings = evaluate(cluster, { config: parseConfig({ eksMinVersion: '1.32' }) });
 */
export function evaluate(resource: Resource, options: EvaluateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  evaluateInto(findings, resource, runOf(options));
  return findings;
}

/** Evaluates many resources; the findings in resource order. */
export function evaluateAll(resources: Iterable<Resource>, options: EvaluateOptions = {}): Finding[] {
  const run = runOf(options);
  const findings: Finding[] = [];
  for (const resource of resources) evaluateInto(findings, resource, run);
  return findings;
}

/** Appends the resource's findings, in catalog order (a plain loop: no closure or array per resource). */
function evaluateInto(findings: Finding[], resource: Resource, run: Run): void {
  const checks = run.catalog.byResourceType(resource.type);
  for (let index = 0; index < checks.length; index++) {
    const check = checks[index] as AnyCheck;
    const outcome = outcomeOf(check, resource, run.context);
    findings.push({
      id: findingId(check.id, resource.id),
      checkId: check.id,
      title: check.title,
      resourceType: resource.type,
      resourceId: resource.id,
      resourceName: resource.name,
      accountId: resource.accountId,
      region: resource.region,
      status: outcome.status,
      severity: check.severity,
      recommendation: check.recommendation,
      message: outcome.message,
      evaluatedAt: run.evaluatedAt,
    });
  }
}

function outcomeOf(
  check: AnyCheck,
  resource: Resource,
  context: CheckContext,
): Pick<Finding, 'status' | 'message'> | CheckOutcome {
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
