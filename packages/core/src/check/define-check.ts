import * as z from 'zod';
import type { Config } from '../config.js';
import {
  CHECK_ID_PATTERN,
  MAX_TITLE_LENGTH,
  RECOMMENDATIONS,
  RESOURCE_TYPES,
  SECURITY_HUB_CONTROL_PATTERN,
  SEVERITIES,
} from '../constants.js';
import { CatalogError } from '../errors.js';
import { SERVICE_NAMES } from '../resource-types/services.js';
import type { Recommendation, ResourceType, Severity } from '../types/common.js';
import type { CheckOutcome } from '../types/finding.js';
import type { ResourceOf } from '../types/resource.js';

/** What a check function is given besides the resource. */
export interface CheckContext {
  config: Config;
  /** The evaluation time: checks never read the clock themselves. */
  now: Date;
}

/** Ids of the anchors a check maps to, where CHECKS.md names them. */
export interface CheckMappings {
  /** AWS Security Hub control ids, e.g. `EKS.2`. */
  securityHub?: string[];
  /** AWS Config managed rule identifiers, e.g. `eks-cluster-supported-version`. */
  config?: string[];
  /** Prowler check ids, e.g. `eks_cluster_uses_a_supported_version`. */
  prowler?: string[];
  /** CIS Amazon EKS Benchmark sections, e.g. `5.4.2`. */
  cisEks?: string[];
  /** Kubescape control ids (kubescape/regolibrary `controls/C-*.json`), e.g. `C-0057`. */
  kubescape?: string[];
  /**
   * Pod Security Standards controls, by their Pod Security Admission check id
   * (k8s.io/pod-security-admission `policy/check_*.go`), e.g. `privileged`, `capabilities_baseline`.
   */
  pss?: string[];
}

/** How to fix a failing resource. */
export interface Remediation {
  text: string;
  /** An AWS CLI command that fixes it. */
  cli: string;
  /** An infrastructure-as-code snippet that fixes it (`kubernetes`: a manifest fragment in YAML). */
  iac: { format: 'terraform' | 'cloudformation' | 'kubernetes'; snippet: string };
  /** AWS documentation on the subject. */
  url?: string;
}

/** A check's definition: metadata plus one pure function over one resource type. */
export interface CheckDefinition<T extends ResourceType = ResourceType> {
  id: string;
  title: string;
  resourceType: T;
  recommendation: Recommendation;
  severity: Severity;
  /** Why it matters: the risk of failing it. */
  rationale: string;
  remediation: Remediation;
  mappings: CheckMappings;
  /** Resource properties the check reads; if one is unreadable the finding is ERROR. */
  reads: (keyof ResourceOf<T> & string)[];
  evaluate(resource: ResourceOf<T>, context: CheckContext): CheckOutcome;
}

/** A check as the registry holds it, for any resource type. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds checks of every resource type
export type AnyCheck = CheckDefinition<any>;

const list = (item: z.ZodString) => z.array(item).optional();

const metadataSchema = z.object({
  id: z
    .string()
    .regex(
      CHECK_ID_PATTERN,
      `ids are kebab-case and start with a service: ${SERVICE_NAMES.map((service) => `${service}-`).join(', ')} (or aws-account-)`,
    ),
  title: z.string().min(1).max(MAX_TITLE_LENGTH),
  resourceType: z.enum(RESOURCE_TYPES),
  recommendation: z.enum(RECOMMENDATIONS),
  severity: z.enum(SEVERITIES),
  rationale: z.string().min(20, 'say what the risk is'),
  remediation: z.object({
    text: z.string().min(10),
    cli: z.string().regex(/^aws |^kubectl |^eksctl /, 'a CLI remediation starts with aws, kubectl or eksctl'),
    iac: z.object({
      format: z.enum(['terraform', 'cloudformation', 'kubernetes']),
      snippet: z.string().min(10),
    }),
    url: z.url().optional(),
  }),
  mappings: z.object({
    securityHub: list(
      z.string().regex(SECURITY_HUB_CONTROL_PATTERN, 'a Security Hub control id such as EKS.2'),
    ),
    config: list(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an AWS Config managed rule identifier')),
    // Prowler's Kubernetes ids keep the API's field names: core_minimize_hostNetwork_containers.
    prowler: list(z.string().regex(/^[a-z0-9]+(_[a-zA-Z0-9]+)*$/, 'a Prowler check id')),
    cisEks: list(z.string().regex(/^\d+(\.\d+)+$/, 'a CIS EKS Benchmark section such as 5.4.2')),
    kubescape: list(z.string().regex(/^C-\d{4}$/, 'a Kubescape control id such as C-0057')),
    pss: list(
      z.string().regex(/^[a-z][A-Za-z]*(_[a-z]+)?$/, 'a Pod Security Admission check id such as privileged'),
    ),
  }),
  reads: z.array(z.string().min(1)),
});

/**
 * Defines a check; its metadata is validated when the module loads, so a bad definition
 * fails at start-up (and in the catalog tests), naming the check and the field.
 * @example
 * export const clusterDeletionProtection = defineCheck({
 *   id: 'eks-cluster-deletion-protection', resourceType: 'eks-cluster', ...,
 *   reads: ['deletionProtection'],
 *   evaluate: (c) => (c.deletionProtection ? pass(`...`) : fail(`...`)),
 * });
 */
export function defineCheck<T extends ResourceType>(definition: CheckDefinition<T>): CheckDefinition<T> {
  const result = metadataSchema.safeParse(definition);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new CatalogError(`check ${String(definition.id)} is invalid: ${problems.join('; ')}`);
  }
  if (!definition.id.startsWith(`${definition.resourceType}-`)) {
    throw new CatalogError(
      `check ${definition.id}: its id must start with its resource type ${definition.resourceType}-`,
    );
  }
  if (typeof definition.evaluate !== 'function') {
    throw new CatalogError(`check ${definition.id}: evaluate must be a function`);
  }
  return Object.freeze(definition);
}
