import { useDynamoDbLocal } from '@customs/local/testing';
import { createFindingsTable, FindingsRepository } from '@customs/store';
import { describe, expect, it } from 'vitest';
import { accountIdOf, HOME, sweepOrganization } from './organization-sweep.js';
import { minimumCalls } from './suites/sweep-organization.js';

const REGIONS = ['eu-west-1', 'us-east-2'];

/**
 * The organisation sweep's bench (test/bench/suites/sweep-organization.ts) on a smaller
 * organisation: the counts it prints, asserted (never its time).
 */
describe('the organisation sweep benchmark', () => {
  const dynamo = useDynamoDbLocal();

  it('plans accounts × regions × units per scope, assumes each member role once, and reads every scope', {
    timeout: 240_000,
  }, async () => {
    // Prepare
    // (the baseline in a table of its own: the organisation's sweep reads every image as a first sweep)
    await createFindingsTable(dynamo.client, `${dynamo.tableName}-one`);
    const one = await sweepOrganization(
      { accounts: 1, regions: [REGIONS[0] as string] },
      new FindingsRepository({ client: dynamo.client, tableName: `${dynamo.tableName}-one` }),
    );
    // Act
    const run = await sweepOrganization(
      { accounts: 4, regions: REGIONS },
      new FindingsRepository({ client: dynamo.client, tableName: dynamo.tableName }),
    );
    // Assess
    expect(one.assumeRoleCalls).toBe(0); // the home account reads with the function's own role
    expect(run.accountMessages).toBe(4 * 2);
    expect(run.unitsRun).toBe(4 * 2 * one.unitsRun);
    expect(run.assumeRoleCalls).toBe(3);
    expect(run.rolesAssumed).toBe(3);
    expect(run.failed).toBe(0);
    const scopes = [0, 1, 2, 3].flatMap((index) =>
      REGIONS.map((region) => `${accountIdOf(index)} ${region}`),
    );
    expect([...run.scopesRead].sort()).toEqual(scopes.sort());
    expect(accountIdOf(0)).toBe(HOME);
    // Every service at the minimum, exactly: the regional ones once a scope, IAM (global) once an
    // account, from its first region (the whole sweep of its other regions leaves IAM out)
    const made: Record<string, number> = { ...run.calls, sts: run.assumeRoleCalls };
    expect(made).toEqual(minimumCalls(one, 4, 2));
  });
});
