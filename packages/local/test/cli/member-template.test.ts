import { iamPolicy } from '@customs/aws';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const BUS = 'arn:aws:events:eu-west-1:111122223333:event-bus/default';
const ROLE = 'arn:aws:iam::111122223333:role/customs-prod-SweepRole-4f1c2a';

type Template = {
  Resources: Record<
    string,
    {
      Type: string;
      Properties: { AssumeRolePolicyDocument?: { Statement: unknown[] } } & Record<string, unknown>;
    }
  >;
};

describe('customs member-template', () => {
  it('prints the member template for the central bus, roles and organisation, and how to deploy it', async () => {
    // Act
    const { code, stdout, stderr } = await runCli(
      'member-template',
      '--bus-arn',
      BUS,
      '--role-arn',
      ROLE,
      '--organization-id',
      'o-a1b2c3d4e5',
    );
    // Assess
    expect(code).toBe(0);
    const template = JSON.parse(stdout) as Template;
    const role = template.Resources.CustomsReadOnlyRole;
    expect(role?.Properties.RoleName).toBe('CustomsReadOnly');
    expect(role?.Properties.Policies).toEqual([
      { PolicyName: 'CustomsReadOnly', PolicyDocument: iamPolicy() },
    ]);
    expect(role?.Properties.AssumeRolePolicyDocument?.Statement).toEqual([
      expect.objectContaining({
        Principal: { AWS: [ROLE] },
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
    ]);
    expect(
      Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::Events::Rule').length,
    ).toBeGreaterThan(1);
    expect(stderr).toContain('CAPABILITY_NAMED_IAM');
    expect(stderr).toContain('us-east-1 for IAM');
  });

  it('takes an external id instead of the organisation, and another role name', async () => {
    const { code, stdout } = await runCli(
      'member-template',
      '--bus-arn',
      BUS,
      '--role-arn',
      ROLE,
      '--external-id',
      'customs-7f3a9c',
      '--role-name',
      'CustomsAudit',
    );
    expect(code).toBe(0);
    const role = (JSON.parse(stdout) as Template).Resources.CustomsReadOnlyRole;
    expect(role?.Properties.RoleName).toBe('CustomsAudit');
    expect(role?.Properties.AssumeRolePolicyDocument?.Statement).toEqual([
      expect.objectContaining({ Condition: { StringEquals: { 'sts:ExternalId': 'customs-7f3a9c' } } }),
    ]);
  });

  it.each([
    [['--role-arn', ROLE, '--organization-id', 'o-a1b2c3d4e5'], 'needs --bus-arn'],
    [
      [
        '--bus-arn',
        'arn:aws:sqs:eu-west-1:111122223333:q',
        '--role-arn',
        ROLE,
        '--organization-id',
        'o-a1b2c3d4e5',
      ],
      'is not an event bus ARN',
    ],
    [['--bus-arn', BUS, '--role-arn', ROLE], 'give an organizationId or an externalId'],
    [['--bus-arn', BUS, '--organization-id', 'o-a1b2c3d4e5'], 'centralRoleArns is empty'],
    [
      [
        '--bus-arn',
        BUS,
        '--role-arn',
        'arn:aws:iam::444455556666:role/x',
        '--organization-id',
        'o-a1b2c3d4e5',
      ],
      'not in account 111122223333',
    ],
  ])('refuses %o with one line and status 2, printing no template', async (args, message) => {
    const { code, stdout, stderr } = await runCli('member-template', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
