import { describe, expect, it } from 'vitest';
import { awsAccountReachable as check } from '../../../src/catalog/aws/aws-account-reachable.js';
import { evaluate } from '../../../src/evaluate.js';
import type { AwsAccount } from '../../../src/types/resource.js';
import { runCheck } from '../../helpers/run-check.js';

/** A member account × region scope as the AccountRouter's normaliser gives it (packages/aws normalise/aws-account.ts). */
function scope(overrides: Partial<AwsAccount> = {}): AwsAccount {
  return {
    type: 'aws-account',
    id: 'arn:aws:sts:eu-west-1:777788889999:account/777788889999',
    name: '777788889999/eu-west-1',
    accountId: '777788889999',
    region: 'eu-west-1',
    access: { via: 'member-role', roleName: 'CustomsReadOnly' },
    ...overrides,
  };
}

/** STS's AccessDenied on AssumeRole, as MemberCredentials words it (MemberRoleError). */
const DENIED =
  'MemberRoleError: cannot assume arn:aws:iam::777788889999:role/CustomsReadOnly: AccessDenied: User: arn:aws:sts::111122223333:assumed-role/customs-sweep-worker/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::777788889999:role/CustomsReadOnly';

describe('aws-account-reachable', () => {
  it('passes a member scope read through its role, naming the role and the region', () => {
    expect(runCheck(check, scope())).toEqual({
      status: 'PASS',
      message: 'Account 777788889999 in eu-west-1: read through its role CustomsReadOnly',
    });
  });

  it("passes the deployment's own account, read with its own role", () => {
    const home = scope({
      accountId: '111122223333',
      name: '111122223333/eu-west-1',
      access: { via: 'home' },
    });
    expect(runCheck(check, home).message).toBe(
      "Account 111122223333 in eu-west-1: read with the deployment's own role",
    );
  });

  it.each([
    ['the role cannot be assumed', DENIED],
    [
      'the region is not enabled',
      'UnrecognizedClientException: The security token included in the request is invalid.',
    ],
    [
      'STS throttled after the retries',
      'MemberRoleError: cannot assume arn:aws:iam::777788889999:role/CustomsReadOnly: Throttling: Rate exceeded',
    ],
  ])('is ERROR through the engine when %s, with the reason', (_case, reason) => {
    // Prepare
    const unreachable = scope({ unreadable: { access: reason } });
    // Act
    const [finding] = evaluate(unreachable).filter((candidate) => candidate.checkId === check.id);
    // Assess
    expect(finding).toMatchObject({
      status: 'ERROR',
      resourceType: 'aws-account',
      accountId: '777788889999',
      region: 'eu-west-1',
      recommendation: 'CSA-4',
      message: `Could not read 777788889999/eu-west-1: access (${reason})`,
    });
  });

  it('is the only check of the type, and one finding per scope', () => {
    expect(evaluate(scope()).map((finding) => finding.checkId)).toEqual(['aws-account-reachable']);
    const other = scope({
      id: 'arn:aws:sts:us-east-2:777788889999:account/777788889999',
      region: 'us-east-2',
    });
    expect(evaluate(other)[0]?.id).not.toBe(evaluate(scope())[0]?.id);
  });
});
