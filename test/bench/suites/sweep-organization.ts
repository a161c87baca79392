import { localDynamoClient, startDynamoDbLocal } from '@customs/local';
import { createFindingsTable, FindingsRepository } from '@customs/store';
import { fmt } from '../measure.js';
import { type OrganizationSweepRun, sweepOrganization } from '../organization-sweep.js';

/** The organisation of issue 18's benchmark: 100 accounts × 2 regions. */
export const ORGANIZATION = { accounts: 100, regions: ['eu-west-1', 'us-east-2'] } as const;

const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, count) => sum + count, 0);

/**
 * The fewest AWS calls an organisation's sweep can make, from the one-scope baseline's: each
 * scope reads its regional services once, each account IAM once (a global service, its first
 * region), each member account one AssumeRole.
 */
export function minimumCalls(
  baseline: OrganizationSweepRun,
  accounts: number,
  regions: number,
): Record<string, number> {
  const minimum: Record<string, number> = {};
  for (const [service, count] of Object.entries(baseline.calls)) {
    minimum[service] = service === 'iam' ? count * accounts : count * accounts * regions;
  }
  return { ...minimum, sts: accounts - 1 };
}

async function sweepInTable(
  size: { accounts: number; regions: readonly string[] },
  tableName: string,
  client: ReturnType<typeof localDynamoClient>,
): Promise<OrganizationSweepRun> {
  await createFindingsTable(client, tableName);
  return sweepOrganization(size, new FindingsRepository({ client, tableName, concurrency: 16 }));
}

/**
 * `npm run bench sweep-organization`: the real coordinator → queue → worker path over 100 mocked
 * accounts × 2 regions (small accounts from the demo's AWS-shaped bodies, each its own clients;
 * STS faked and counted; the store on DynamoDB Local): units planned, AssumeRole calls (one per
 * member account), AWS calls next to the minimum, and the wall time with the queue's
 * concurrency (the worker's reserved concurrency) next to the one account × one region baseline
 * of the same run, scaled by the scopes.
 */
export async function benchOrganizationSweep(): Promise<string[]> {
  const dynamo = await startDynamoDbLocal();
  const client = localDynamoClient(dynamo.endpoint);
  try {
    const baseline = await sweepInTable({ accounts: 1, regions: ['eu-west-1'] }, 'bench-org-one', client);
    const run = await sweepInTable(ORGANIZATION, 'bench-org-all', client);
    const { accounts } = ORGANIZATION;
    const regions = ORGANIZATION.regions.length;
    const minimum = minimumCalls(baseline, accounts, regions);
    const made: Record<string, number> = { ...run.calls, sts: run.assumeRoleCalls };
    const perScope = baseline.unitsRun;
    const scaledMs = baseline.wallMs * run.scopes;
    const lines = [
      `Organisation sweep (coordinator → queue → workers over ${accounts} mocked accounts × ${regions} regions, small accounts: the demo's ECR and IAM)`,
      `  units planned ${fmt(run.unitsRun)}: ${fmt(run.accountMessages)} account × region messages + ${fmt(run.unitMessages)} units (one scope: ${perScope} unit(s); expected ${fmt(run.scopes * perScope)})`,
      `  STS AssumeRole ${fmt(run.assumeRoleCalls)} calls for ${fmt(run.rolesAssumed)} member roles (one per account per credential lifetime; minimum ${fmt(accounts - 1)})`,
    ];
    for (const service of Object.keys(minimum).sort()) {
      const count = made[service] ?? 0;
      const least = minimum[service] ?? 0;
      lines.push(
        `  ${service.padEnd(4)} ${fmt(count).padStart(8)} calls  minimum ${fmt(least).padStart(8)}  ratio ${fmt(count / Math.max(1, least), 3)}`,
      );
    }
    lines.push(
      `  all  ${fmt(total(made)).padStart(8)} calls  minimum ${fmt(total(minimum)).padStart(8)}  ratio ${fmt(total(made) / total(minimum), 3)}  (${fmt(run.scopesRead.size)} scopes read, ${run.failed} failed messages)`,
      `  wall ${fmt(run.wallMs).padStart(8)} ms at the queue's concurrency ${run.concurrency}  one account × 1 region ${fmt(baseline.wallMs)} ms × ${run.scopes} scopes = ${fmt(scaledMs)} ms  ratio ${fmt(run.wallMs / scaledMs, 2)}`,
      "  minimum: the one-scope baseline's calls × scopes (IAM × accounts: read from each account's first region) + one AssumeRole a member account",
    );
    return lines;
  } finally {
    await dynamo.stop();
  }
}
