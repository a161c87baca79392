import {
  AccountRouter,
  ALL_READERS,
  accountDirectory,
  type Collector,
  type CollectorReaders,
  homeAccountId,
  LiveCollector,
  MemberCredentials,
  memberOpener,
} from '@customs/aws';
import type { Config } from '@customs/core';
import type { PipelineDependencies } from '@customs/pipeline';
import { createStoreClient, FindingsRepository } from '@customs/store';
import { customsConfigFromEnv, requireEnv } from './environment.js';

/**
 * The pipeline's dependencies in AWS: the findings table named by `CUSTOMS_TABLE_NAME`, the live
 * SDK collector for the function's own region (IAM read from us-east-1) with every service's
 * reader (the sweep's), the configuration from `CUSTOMS_CONFIG` (JSON; the defaults when unset)
 * and the wall clock. With `organization` configured, the collector is an AccountRouter over the
 * member accounts × regions ({@link organizationCollector}).
 * @example export const handler = createSweepWorker(lambdaDependencies);
 */
export function lambdaDependencies(env: NodeJS.ProcessEnv = process.env): Promise<PipelineDependencies> {
  return dependenciesReading(ALL_READERS, env);
}

/**
 * {@link lambdaDependencies} whose collector holds only `readers` (and so only their SDK clients):
 * an event handler's, named in its entry point, so that esbuild bundles no other service's code.
 * @example export const handler = createEventHandler('on-ecr-event', reading({ services: { ecr: ECR_READER } }));
 */
export function reading(readers: CollectorReaders) {
  return function lambdaDependenciesReading(env: NodeJS.ProcessEnv = process.env) {
    return dependenciesReading(readers, env);
  };
}

async function dependenciesReading(
  readers: CollectorReaders,
  env: NodeJS.ProcessEnv,
): Promise<PipelineDependencies> {
  const repository = new FindingsRepository({
    client: createStoreClient(),
    tableName: requireEnv('CUSTOMS_TABLE_NAME', env),
  });
  const config = customsConfigFromEnv(env);
  const region = requireEnv('AWS_REGION', env);
  const collector = config.organization
    ? await organizationCollector(readers, config.organization, region, env)
    : await LiveCollector.open({ readers, region });
  return { collector, repository, config, clock: () => new Date() };
}

/** The home account, asked once per container (STS GetCallerIdentity unless `CUSTOMS_ACCOUNT_ID`). */
let home: Promise<string> | undefined;

/**
 * With `organization` configured: an AccountRouter over the member accounts (the configured list
 * or Organizations ListAccounts), each scope's live collector made on first use, a member's
 * signed with its role (MemberCredentials: `customs-<function>` sessions, the external id), each
 * scope assessed as an `aws-account` resource.
 * @example const collector = await organizationCollector(ALL_READERS, config.organization, 'eu-west-1', process.env);
 */
export async function organizationCollector(
  readers: CollectorReaders,
  organization: NonNullable<Config['organization']>,
  region: string,
  env: NodeJS.ProcessEnv,
): Promise<Collector> {
  home ??= homeAccountId(env).catch((error: unknown) => {
    home = undefined;
    throw error;
  });
  const accountId = await home;
  const directory = accountDirectory(organization.accounts);
  const members = new MemberCredentials({
    roleName: organization.memberRoleName,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME ?? 'customs',
    ...(organization.externalId ? { externalId: organization.externalId } : {}),
  });
  return new AccountRouter({
    home: { accountId, region },
    isMember: (id) => directory.isMember(id),
    members: () => directory.members(),
    regions: organization.regions ?? [region],
    open: memberOpener({ homeAccountId: accountId, members, collector: { readers } }),
    // each scope's aws-account finding: ERROR when it cannot be read, PASS once it is (issue 18)
    assessScopes: { memberRoleName: organization.memberRoleName },
  });
}
