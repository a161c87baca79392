import { EVENT_HANDLER_NAMES, evaluatePolicy, parsePolicyDocument } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { MEMBER_READERS, organizationBusPolicy, organizationOptions } from '../../infra/member/index.js';

const BUS = 'arn:aws:events:eu-west-1:111122223333:event-bus/default';
const ORG = 'o-a1b2c3d4e5';

describe('infra/member: the organisation options of the deploying shell', () => {
  it('is undefined without CUSTOMS_ORGANIZATION_ID: one account, as before', () => {
    expect(organizationOptions({}, 'eu-west-1')).toBeUndefined();
    expect(organizationOptions({ CUSTOMS_MEMBER_TARGETS: 'r-a1b2' }, 'eu-west-1')).toBeUndefined();
  });

  it('deploys to the root or OUs given, in the home region first, the others, and us-east-1 for IAM', () => {
    const options = organizationOptions(
      {
        CUSTOMS_ORGANIZATION_ID: ORG,
        CUSTOMS_MEMBER_TARGETS: 'ou-a1b2-c3d4e5f6, ou-a1b2-77778888,ou-a1b2-c3d4e5f6',
        CUSTOMS_MEMBER_REGIONS: 'eu-central-1,eu-west-1',
      },
      'eu-west-1',
    );
    expect(options).toEqual({
      organizationId: ORG,
      targets: ['ou-a1b2-c3d4e5f6', 'ou-a1b2-77778888'],
      regions: ['eu-west-1', 'eu-central-1', 'us-east-1'],
      memberRoleName: 'CustomsReadOnly',
      callAs: 'DELEGATED_ADMIN',
    });
  });

  it('takes the role name, external id and SELF (the management account) when given', () => {
    const options = organizationOptions(
      {
        CUSTOMS_ORGANIZATION_ID: ORG,
        CUSTOMS_MEMBER_TARGETS: 'r-a1b2',
        CUSTOMS_MEMBER_ROLE_NAME: 'SecurityAudit-Customs',
        CUSTOMS_MEMBER_EXTERNAL_ID: 'customs-7f3a9c',
        CUSTOMS_STACKSET_CALL_AS: 'SELF',
      },
      'us-east-1',
    );
    expect(options).toMatchObject({
      regions: ['us-east-1'],
      memberRoleName: 'SecurityAudit-Customs',
      externalId: 'customs-7f3a9c',
      callAs: 'SELF',
    });
  });

  it.each([
    [{ CUSTOMS_MEMBER_TARGETS: '' }, 'without CUSTOMS_MEMBER_TARGETS'],
    [
      { CUSTOMS_MEMBER_TARGETS: '111122223333' },
      'CUSTOMS_MEMBER_TARGETS has "111122223333", which is not a root',
    ],
    [{ CUSTOMS_MEMBER_REGIONS: 'eu-west-1,Europe' }, 'CUSTOMS_MEMBER_REGIONS has "Europe"'],
    [{ CUSTOMS_STACKSET_CALL_AS: 'delegated' }, 'CUSTOMS_STACKSET_CALL_AS is "delegated"'],
    [{ CUSTOMS_ORGANIZATION_ID: 'o-EXAMPLE' }, 'organizationId (o- and 10-32'],
    [{ CUSTOMS_MEMBER_EXTERNAL_ID: 'x' }, 'externalId (2-1224'],
    [{ CUSTOMS_MEMBER_ROLE_NAME: 'Customs ReadOnly' }, 'memberRoleName (1-64'],
    [{ CUSTOMS_MEMBER_TARGETS: Array.from({ length: 51 }, () => 'r-a1b2').join(',') }, 'at most 50'],
  ])('refuses %o, naming the variable', (change, message) => {
    const env = { CUSTOMS_ORGANIZATION_ID: ORG, CUSTOMS_MEMBER_TARGETS: 'r-a1b2', ...change };
    expect(() => organizationOptions(env, 'eu-west-1')).toThrow(message);
    expect(() => organizationOptions(env, 'eu-west-1')).toThrow(/^infra: CUSTOMS_/);
  });
});

describe('infra/member: the central bus accepts the organisation only', () => {
  const policy = parsePolicyDocument(organizationBusPolicy(BUS, ORG));

  it('allows PutEvents from a member account’s role of the organisation', () => {
    const member = {
      kind: 'aws',
      arn: 'arn:aws:iam::444455556666:role/StackSet-customs-CustomsForwardRole-1A2B',
      orgId: ORG,
    } as const;
    expect(
      evaluatePolicy(policy, { principal: member, action: 'events:PutEvents', resource: BUS }).decision,
    ).toBe('allowed');
  });

  it('allows nothing to an outsider (another organisation, none, anyone) nor any other action', () => {
    const outsiders = [
      { kind: 'aws', arn: 'arn:aws:iam::777788889999:role/forwarder', orgId: 'o-f9e8d7c6b5' },
      { kind: 'aws', arn: 'arn:aws:iam::777788889999:role/forwarder', orgId: null },
      { kind: 'anyone' },
    ] as const;
    for (const principal of outsiders)
      expect(
        evaluatePolicy(policy, { principal, action: 'events:PutEvents', resource: BUS }).decision,
      ).not.toBe('allowed');
    const member = { kind: 'aws', arn: 'arn:aws:iam::444455556666:role/admin', orgId: ORG } as const;
    expect(
      evaluatePolicy(policy, { principal: member, action: 'events:PutRule', resource: BUS }).decision,
    ).not.toBe('allowed');
  });
});

describe('infra/member: the central roles the member role trusts', () => {
  it('are the functions that read accounts: the event handlers, the sweep and its worker, not the API or the fan-out', () => {
    expect([...MEMBER_READERS].sort()).toEqual([...EVENT_HANDLER_NAMES, 'sweep', 'sweep-worker'].sort());
  });
});
