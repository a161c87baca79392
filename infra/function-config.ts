import { readFileSync } from 'node:fs';
import type { OrganizationOptions } from './member/index.js';

/**
 * Lambda's limit on a function's environment variables, all together, is 4 KB; the configuration
 * shares it with the table's and the bus's names, the secrets and the URLs.
 */
const MAX_CONFIG_BYTES = 3000;

/** The configuration's `organization` key for the central functions: what they read and assume. */
export function organizationConfig(organization: OrganizationOptions) {
  return {
    memberRoleName: organization.memberRoleName,
    ...(organization.externalId ? { externalId: organization.externalId } : {}),
    // The StackSet targets OUs, so the members are the organisation's ACTIVE accounts (ListAccounts).
    accounts: 'organization' as const,
    regions: organization.regions,
    organizationId: organization.organizationId,
  };
}

/**
 * The functions' `CUSTOMS_CONFIG`: the JSON file named by `CUSTOMS_CONFIG_FILE` in the deploying
 * shell (the same file `customs scan --config` reads), with the organisation's `organization` key
 * when one is deployed; undefined when there is neither (the functions use the defaults). The
 * functions validate it when they start (a ConfigError names the key); here it must be a JSON
 * object within Lambda's environment size, or the deploy stops, naming the file.
 * @example functionConfig({ CUSTOMS_CONFIG_FILE: 'customs.config.json' }, undefined) // '{"maxHigh":2}'
 */
export function functionConfig(
  env: NodeJS.ProcessEnv,
  organization: OrganizationOptions | undefined,
  read: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): string | undefined {
  const path = env.CUSTOMS_CONFIG_FILE?.trim();
  const fromFile = path ? objectOf(read(path), path) : {};
  if (!path && !organization) return undefined;
  const config = organization ? { ...fromFile, organization: organizationConfig(organization) } : fromFile;
  const text = JSON.stringify(config);
  if (Buffer.byteLength(text) > MAX_CONFIG_BYTES)
    throw new Error(
      `infra: the configuration (${path ?? 'the organization key'}) is ${Buffer.byteLength(text)} bytes as JSON; Lambda's environment holds at most ${MAX_CONFIG_BYTES} of it`,
    );
  return text;
}

function objectOf(text: string, path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `infra: CUSTOMS_CONFIG_FILE ${path} is not JSON: ${(error as Error).message.slice(0, 200)}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`infra: CUSTOMS_CONFIG_FILE ${path} must hold a JSON object of configuration keys`);
  return value as Record<string, unknown>;
}
