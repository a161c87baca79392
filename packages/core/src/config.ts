import * as z from 'zod';
import { ConfigError } from './errors.js';
import { AWS_EKS_ADDON_REGISTRY_ACCOUNTS } from './image/aws-addon-registries.js';
import { safeText } from './text/safe-text.js';

const accountId = z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits');

/** The most member accounts one Customs deployment reads (an organisation's default quota is 10, its largest 10,000). */
const MAX_ORGANIZATION_ACCOUNTS = 10_000;

/**
 * The organisation Customs reads besides its own account (issue 18): the member accounts (a
 * list, or Organizations ListAccounts' ACTIVE accounts), the role it assumes in each, the regions.
 * Absent: the deployment's own account only.
 */
const organizationSchema = z
  .object({
    /** The read-only role in each member account (IAM role names: up to 64 of `\w+=,.@-`). */
    memberRoleName: z
      .string()
      .max(64)
      .regex(/^[\w+=,.@-]+$/, 'an IAM role name is 1 to 64 letters, digits or +=,.@_-')
      .default('CustomsReadOnly'),
    /** The `sts:ExternalId` the member roles' trust requires (STS: 2 to 1,224 of `\w+=,.@:/-`). */
    externalId: z
      .string()
      .min(2)
      .max(1224)
      .regex(/^[\w+=,.@:/-]+$/, 'an external id is 2 to 1,224 letters, digits or +=,.@:/_-')
      .optional(),
    /** `organization`: the organisation's ACTIVE accounts (ListAccounts); else the member account ids. */
    accounts: z.union([
      z.literal('organization'),
      z
        .array(accountId)
        .min(1)
        .max(MAX_ORGANIZATION_ACCOUNTS)
        .refine((ids) => new Set(ids).size === ids.length, 'an account is listed twice'),
    ]),
    /** The regions read in every account [the deployment's own]. */
    regions: z
      .array(
        z
          .string()
          .max(32)
          .regex(/^[a-z]{2}(-[a-z]+){1,2}-\d{1,2}$/, 'a region name is like "eu-west-1"'),
      )
      .min(1)
      .max(50)
      .refine((names) => new Set(names).size === names.length, 'a region is listed twice')
      .optional(),
    /** The organisation (`o-` and 10 to 32 letters or digits), which the member roles' trust names. */
    organizationId: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, 'an organization id is "o-" and 10 to 32 lowercase letters or digits')
      .optional(),
  })
  .strict();

/** The configuration checks read their thresholds from; every key has the default CHECKS.md gives. */
export const configSchema = z
  .object({
    eksMinVersion: z
      .string()
      .regex(/^\d+\.\d+$/, 'a Kubernetes version is major.minor, e.g. "1.31"')
      .default('1.31'),
    isolationLabelKey: z.string().min(1).default('customs.io/security-context'),
    pullThroughAllowlist: z.array(z.string().min(1)).default(['public.ecr.aws', 'registry.k8s.io']),
    scanGraceMinutes: z.number().int().nonnegative().default(60),
    maxCritical: z.number().int().nonnegative().default(0),
    maxHigh: z.number().int().nonnegative().default(0),
    imageMaxAgeDays: z.number().int().positive().default(90),
    clusterAdminAllowlist: z.array(z.string().min(1)).default([]),
    trustedAccounts: z.array(accountId).default([]),
    accessKeyMaxAgeDays: z.number().int().positive().default(90),
    credentialMaxUnusedDays: z.number().int().positive().default(45),
    /**
     * Registries whose images are approved besides this account's own ECR (and its pull-through
     * cache prefixes): registry hosts (`public.ecr.aws`, `ghcr.io`), or host/path prefixes
     * (`docker.io/library`). Matched by whole host or whole path segments, never as a regex.
     */
    approvedRegistries: z.array(z.string().min(1).max(255)).max(100).default([]),
    /**
     * Accounts whose ECR images the deployed-image checks trust without reading them (Customs reads
     * this account's ECR only): NOT_APPLICABLE on scanned, signed and fresh, PASS on in-ecr, with a
     * message naming the account. Default: AWS's EKS add-on registry accounts (kube-proxy, CoreDNS,
     * the VPC CNI); setting the key replaces the list (`[]` trusts none: those images are ERROR).
     */
    trustedImageAccounts: z
      .array(accountId)
      .max(100)
      .default([...AWS_EKS_ADDON_REGISTRY_ACCOUNTS]),
    /** The latest Fargate platform versions (Security Hub ECS.10's `latestLinuxVersion` / `latestWindowsVersion`). */
    fargateLatestVersions: z
      .object({
        linux: z
          .string()
          .regex(/^\d+\.\d+\.\d+$/, 'a Fargate platform version is x.y.z, e.g. "1.4.0"')
          .default('1.4.0'),
        windows: z
          .string()
          .regex(/^\d+\.\d+\.\d+$/, 'a Fargate platform version is x.y.z, e.g. "1.0.0"')
          .default('1.0.0'),
      })
      .strict()
      .default({ linux: '1.4.0', windows: '1.0.0' }),
    /**
     * Linux capabilities a container may add (`linuxParameters.capabilities.add`) without a
     * finding: the Pod Security Standards' baseline list (Docker's default set), upper case, no `CAP_`.
     */
    allowedAddedCapabilities: z
      .array(z.string().min(1).max(64))
      .max(64)
      .default([
        'AUDIT_WRITE',
        'CHOWN',
        'DAC_OVERRIDE',
        'FOWNER',
        'FSETID',
        'KILL',
        'MKNOD',
        'NET_BIND_SERVICE',
        'SETFCAP',
        'SETGID',
        'SETPCAP',
        'SETUID',
        'SYS_CHROOT',
      ]),
    /**
     * Tag keys every ECS cluster, service and task definition must carry (Security Hub
     * ECS.13/14/15's `requiredTagKeys`); none by default, and then the tagging checks are
     * NOT_APPLICABLE. Compared exactly (tag keys are case-sensitive); `aws:` keys are AWS's own.
     */
    requiredTagKeys: z
      .array(
        z
          .string()
          .min(1)
          .max(128)
          .refine(
            (key) => !key.toLowerCase().startsWith('aws:'),
            'tag keys starting with aws: are reserved for AWS',
          ),
      )
      .max(50)
      .default([]),
    /**
     * Namespaces whose workloads the Pod Security Standards checks exempt (EKS add-ons such as
     * aws-node and kube-proxy run privileged in `kube-system`): their findings are NOT_APPLICABLE
     * with a message naming the exemption, never silent. Exact names.
     */
    podSecurityExemptNamespaces: z.array(z.string().min(1).max(63)).max(100).default(['kube-system']),
    /** The furthest a suppression's expiry may be set in the future (POST /suppressions). */
    maxSuppressionDays: z.number().int().positive().max(3650).default(90),
    /**
     * The most open findings one suppression may cover without `"confirm": true` (a pattern of only
     * `*` always needs it): POST /suppressions and `scan --suppressions`.
     */
    maxSuppressionMatches: z.number().int().nonnegative().default(50),
    /**
     * The sweep's rolling re-read of every ECR image's signing status and referrers, in days
     * (`@customs/aws` DEFAULT_REREAD_DAYS): a safety net, as a changed listing already makes the
     * images it concerns read (packages/aws/README.md, "The incremental sweep").
     */
    imageRereadDays: z.number().int().positive().max(3650).default(60),
    /** Several accounts (issue 18): see `organizationSchema`; absent, the deployment's own account. */
    organization: organizationSchema.optional(),
  })
  .strict();

/** The validated configuration. */
export type Config = z.infer<typeof configSchema>;

/** The configuration with every default (CHECKS.md). */
export const DEFAULT_CONFIG: Config = Object.freeze(configSchema.parse({})) as Config;

/**
 * Validates a configuration object (for example a parsed JSON file) and fills in the defaults.
 * Throws a `ConfigError` naming every wrong key.
 * @example
 * const config = parseConfig({ eksMinVersion: '1.32', trustedAccounts: ['111122223333'] }, 'customs.json');
 */
export function parseConfig(input: unknown, source = 'configuration'): Config {
  const result = configSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map(function describeIssue(issue) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    if (issue.code === 'unrecognized_keys') {
      const known = Object.keys(configSchema.shape).join(', ');
      return `unknown key(s) ${issue.keys.join(', ')}; valid keys: ${known}`;
    }
    return `${key}: ${issue.message}`;
  });
  throw new ConfigError(`${source} is invalid: ${problems.join('; ')}`);
}

/**
 * Parses a configuration's JSON text (a file's, or an environment variable's) and validates it.
 * Throws a `ConfigError` naming `source` and what is wrong: the JSON parser's complaint, or every
 * wrong key.
 * @example const config = parseConfigJson(process.env.CUSTOMS_CONFIG ?? '', 'CUSTOMS_CONFIG');
 */
export function parseConfigJson(text: string, source: string): Config {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const why = safeText(error instanceof Error ? error.message : String(error), { maxLength: 200 });
    throw new ConfigError(`${source} is not valid JSON: ${why}`, { cause: error });
  }
  return parseConfig(json, source);
}
