import { readFileSync } from 'node:fs';
import { type AuthorizationDetailsInput, normaliseIamRole, readAuthorizationDetails } from '@customs/aws';
import { CATALOG, DEFAULT_CONFIG } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { MEMBER_ROLE_ID, type MemberTemplateInput, memberTemplate } from '../../infra/member/index.js';
import { lintTemplate } from './helpers/cfn-lint.js';

const CENTRAL = '111122223333';
const MEMBER = '444455556666';
const INPUT: MemberTemplateInput = {
  centralAccountId: CENTRAL,
  centralBusArn: `arn:aws:events:eu-west-1:${CENTRAL}:event-bus/default`,
  centralRoleArns: [
    'OnEcrEvent',
    'OnEksEvent',
    'OnEcsEvent',
    'OnIamEvent',
    'OnK8sAudit',
    'Sweep',
    'SweepWorker',
  ].map((name) => `arn:aws:iam::${CENTRAL}:role/customs-prod-${name}Role-a1b2c3d4`),
  organizationId: 'o-a1b2c3d4e5',
  memberRoleName: 'CustomsReadOnly',
  homeRegion: 'eu-west-1',
};

/** AWS's GetAccountAuthorizationDetails example (the AWS CLI's, as packages/aws's fixtures hold it): its first role. */
const SAMPLE = JSON.parse(
  readFileSync(
    new URL(
      '../../packages/aws/test/fixtures/cli/iam/get-account-authorization-details.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as Required<Pick<AuthorizationDetailsInput, 'RoleDetailList'>> & { RoleDetailList: object[] };

// biome-ignore lint/suspicious/noExplicitAny: the template's JSON, changed as a careless edit would
type Json = any;

function template(input: MemberTemplateInput = INPUT): Json {
  return structuredClone(memberTemplate(input));
}

/**
 * The member role as the IAM collector reads it once the stack exists: GetAccountAuthorizationDetails'
 * RoleDetailList entry (AWS's example, with the template's role: its name, the ARN IAM gives it,
 * the trust policy and inline policy URL-encoded as IAM returns them), through the normaliser.
 */
function deployedRole(role: Json) {
  const [shape] = SAMPLE.RoleDetailList;
  const arn = `arn:aws:iam::${MEMBER}:role/${role.Properties.RoleName}`;
  const detail = {
    ...shape,
    RoleName: role.Properties.RoleName,
    Arn: arn,
    Path: '/',
    AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.Properties.AssumeRolePolicyDocument)),
    AttachedManagedPolicies: [],
    InstanceProfileList: [],
    RolePolicyList: role.Properties.Policies.map((policy: Json) => ({
      PolicyName: policy.PolicyName,
      PolicyDocument: encodeURIComponent(JSON.stringify(policy.PolicyDocument)),
    })),
  };
  const [read] = readAuthorizationDetails({ RoleDetailList: [detail] } as AuthorizationDetailsInput).roles;
  if (!read) throw new Error('no role read');
  return normaliseIamRole({ scope: { accountId: MEMBER, region: 'us-east-1' }, role: read });
}

function trustOutcome(role: Json) {
  const check = CATALOG.get('iam-role-trust-restricted');
  if (!check) throw new Error('iam-role-trust-restricted is not in the catalog');
  return check.evaluate(deployedRole(role), {
    config: DEFAULT_CONFIG,
    now: new Date('2026-12-01T00:00:00Z'),
  });
}

describe('infra/member: the template, validated offline (cfn-lint-like)', () => {
  it.each([
    ['the organisation', INPUT],
    ['an external id instead', { ...INPUT, organizationId: undefined, externalId: 'customs-7f3a9c' }],
    [
      'a us-east-1 home region',
      {
        ...INPUT,
        homeRegion: 'us-east-1',
        centralBusArn: `arn:aws:events:us-east-1:${CENTRAL}:event-bus/default`,
      },
    ],
  ])('has no problem with %s', (_, input) => {
    expect(lintTemplate(template(input as MemberTemplateInput))).toEqual([]);
  });

  it('finds what CloudFormation or IAM would refuse, naming where', () => {
    // Prepare: one careless edit of each kind
    const broken = template();
    broken.Resources.Extra = { Type: 'AWS::IAM::Rolee', Properties: {} };
    delete broken.Resources.CustomsForwardDlqPolicy.Properties.Queues;
    broken.Resources.CustomsEcrForwardRule.Properties.Targets[0].RoleArn = {
      'Fn::GetAtt': ['CustomsForwardRole', 'Name'],
    };
    broken.Resources.CustomsEksForwardRule.Properties.Targets[0].Arn = { Ref: 'CentralBus' };
    broken.Resources.CustomsForwardRole.Properties.Description = { 'Fn::GetAtt': [MEMBER_ROLE_ID, 'Arn'] };
    broken.Resources.CustomsIamForwardRule.Condition = 'InUsEast2';
    broken.Resources[MEMBER_ROLE_ID].Properties.RoleName = 'C'.repeat(65);
    broken.Resources[MEMBER_ROLE_ID].Properties.AssumeRolePolicyDocument.Statement[0].Principal = {
      AWS: '*',
    };
    broken.Resources.CustomsForwardRole.Properties.Policies[0].PolicyDocument.Statement[0].Effect = 'Maybe';
    // Act
    const problems = lintTemplate(broken);
    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        'Resources.Extra: unknown type AWS::IAM::Rolee',
        'Resources.CustomsForwardDlqPolicy: AWS::SQS::QueuePolicy requires Queues',
        'Resources.CustomsEcrForwardRule.Properties.Targets.0.RoleArn: AWS::IAM::Role has no attribute Name',
        'Resources.CustomsEksForwardRule.Properties.Targets.0.Arn: CentralBus is no resource',
        'Resources.CustomsForwardRole.Properties.Description: CustomsReadOnlyRole exists only when InHomeRegion, the reference always',
        'Resources.CustomsIamForwardRule: no condition InUsEast2',
        'Resources.CustomsReadOnlyRole.RoleName: 65 characters, more than 64',
        'Resources.CustomsReadOnlyRole.Properties.AssumeRolePolicyDocument.Statement[0]: a wildcard principal',
        expect.stringMatching(
          /^Resources\.CustomsForwardRole\.Properties\.Policies\.0\.PolicyDocument: .*Effect/,
        ),
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('fits CloudFormation’s inline template body and IAM’s trust policy size with the central roles', () => {
    const body = JSON.stringify(memberTemplate(INPUT));
    expect(body.length).toBeLessThan(51_200);
    const trust = JSON.stringify(template().Resources[MEMBER_ROLE_ID].Properties.AssumeRolePolicyDocument);
    expect(trust.length).toBeLessThan(2048);
  });
});

describe('infra/member: Customs’ own iam-role-trust-restricted on the member role', () => {
  it('passes the template’s trust: the central roles, as principals of the organisation', () => {
    const role = template().Resources[MEMBER_ROLE_ID];
    expect(trustOutcome(role)).toEqual({
      status: 'PASS',
      message: expect.stringContaining('Role CustomsReadOnly trusts only'),
    });
  });

  it('passes the external-id variant too', () => {
    const role = template({ ...INPUT, organizationId: undefined, externalId: 'customs-7f3a9c' }).Resources[
      MEMBER_ROLE_ID
    ];
    expect(trustOutcome(role).status).toBe('PASS');
  });

  it('fails the same role without the organisation condition, naming the central account', () => {
    // Prepare: the trust a hand edit would leave
    const role = template().Resources[MEMBER_ROLE_ID];
    delete role.Properties.AssumeRolePolicyDocument.Statement[0].Condition;
    // Act
    const outcome = trustOutcome(role);
    // Assess
    expect(outcome.status).toBe('FAIL');
    expect(outcome.message).toContain(`account ${CENTRAL}`);
    expect(outcome.message).toContain('without an sts:ExternalId or aws:PrincipalOrgID condition');
  });
});
