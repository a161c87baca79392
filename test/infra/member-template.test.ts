import { readFileSync } from 'node:fs';
import { iamPolicy } from '@customs/aws';
import { EVENT_RULES } from '@customs/events';
import { describe, expect, it } from 'vitest';
import {
  MEMBER_ROLE_ID,
  MemberTemplateError,
  type MemberTemplateInput,
  memberTemplate,
} from '../../infra/member/index.js';

const CENTRAL = '111122223333';
const BUS = `arn:aws:events:eu-west-1:${CENTRAL}:event-bus/default`;
const ROLES = [
  `arn:aws:iam::${CENTRAL}:role/customs-prod-OnEcrEventRole-a1b2c3`,
  `arn:aws:iam::${CENTRAL}:role/customs-prod-SweepRole-d4e5f6`,
];
const INPUT: MemberTemplateInput = {
  centralAccountId: CENTRAL,
  centralBusArn: BUS,
  centralRoleArns: ROLES,
  organizationId: 'o-a1b2c3d4e5',
  memberRoleName: 'CustomsReadOnly',
  homeRegion: 'eu-west-1',
};

// biome-ignore lint/suspicious/noExplicitAny: the template's JSON, read as CloudFormation reads it
type Resource = { Type: string; Condition?: string; Properties: Record<string, any> };

function resources(input: MemberTemplateInput = INPUT): Record<string, Resource> {
  return memberTemplate(input).Resources as Record<string, Resource>;
}

function ofType(type: string, input?: MemberTemplateInput): [string, Resource][] {
  return Object.entries(resources(input)).filter(([, resource]) => resource.Type === type);
}

describe('infra/member: the member-account template', () => {
  it('gives the read-only role exactly the actions of customs iam-policy (packages/aws/iam-policy.json)', () => {
    // Prepare: the published policy file, as `customs iam-policy` prints it
    const published = JSON.parse(
      readFileSync(new URL('../../packages/aws/iam-policy.json', import.meta.url), 'utf8'),
    );
    // Act
    const role = resources()[MEMBER_ROLE_ID];
    // Assess
    expect(role?.Type).toBe('AWS::IAM::Role');
    expect(role?.Properties.RoleName).toBe('CustomsReadOnly');
    const [policy] = role?.Properties.Policies ?? [];
    expect(policy.PolicyDocument).toEqual(iamPolicy());
    expect(policy.PolicyDocument.Statement[0].Action).toEqual(published.Statement[0].Action);
    expect(policy.PolicyDocument.Statement[0].Action).toContain('ecr:BatchGetImage');
  });

  it('lets only the central roles assume it, as principals of the organisation', () => {
    const trust = resources()[MEMBER_ROLE_ID]?.Properties.AssumeRolePolicyDocument;
    expect(trust.Statement).toEqual([
      {
        Sid: 'CustomsCentralFunctions',
        Effect: 'Allow',
        Principal: { AWS: ROLES },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      },
    ]);
  });

  it('conditions the trust on the external id when one is configured, with or without the organisation', () => {
    const { organizationId: _, ...withoutOrg } = INPUT;
    const trust = resources({ ...withoutOrg, externalId: 'customs-7f3a9c' })[MEMBER_ROLE_ID]?.Properties
      .AssumeRolePolicyDocument;
    expect(trust.Statement[0].Condition).toEqual({ StringEquals: { 'sts:ExternalId': 'customs-7f3a9c' } });
    const both = resources({ ...INPUT, externalId: 'customs-7f3a9c' })[MEMBER_ROLE_ID]?.Properties
      .AssumeRolePolicyDocument;
    expect(both.Statement[0].Condition.StringEquals).toEqual({
      'aws:PrincipalOrgID': 'o-a1b2c3d4e5',
      'sts:ExternalId': 'customs-7f3a9c',
    });
  });

  it('creates the (global) role in the home region’s stack instance only', () => {
    const template = memberTemplate(INPUT);
    expect(resources()[MEMBER_ROLE_ID]?.Condition).toBe('InHomeRegion');
    expect(template.Conditions.InHomeRegion).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-1'] });
  });

  it('forwards each pattern of EVENT_RULES to the central bus, IAM’s only in us-east-1', () => {
    // Act
    const template = memberTemplate(INPUT);
    const rules = ofType('AWS::Events::Rule');
    // Assess: one rule per central rule, the same pattern, to the bus with the forwarding role
    expect(rules.map(([, rule]) => rule.Properties.EventPattern)).toEqual(
      EVENT_RULES.map((rule) => rule.pattern),
    );
    for (const [, rule] of rules) {
      expect(rule.Properties.EventBusName).toBe('default');
      expect(rule.Properties.Targets).toHaveLength(1);
      expect(rule.Properties.Targets[0]).toMatchObject({
        Arn: BUS,
        RoleArn: { 'Fn::GetAtt': ['CustomsForwardRole', 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['CustomsForwardDlq', 'Arn'] } },
      });
    }
    const iam = rules.find(([, rule]) => rule.Properties.Name === 'customs-iam-forward')?.[1];
    expect(iam?.Condition).toBe('InUsEast1');
    expect(template.Conditions.InUsEast1).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] });
    const regional = rules.filter(([, rule]) => rule !== iam);
    expect(regional.length).toBeGreaterThan(0);
    expect(regional.every(([, rule]) => rule.Condition === undefined)).toBe(true);
  });

  it('lets EventBridge put events on the central bus only, and assume the forwarding role only for this account', () => {
    const role = resources().CustomsForwardRole;
    expect(role?.Properties.Policies).toEqual([
      {
        PolicyName: 'PutEventsOnCustomsBus',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: BUS }],
        },
      },
    ]);
    expect(role?.Properties.AssumeRolePolicyDocument.Statement[0]).toMatchObject({
      Principal: { Service: 'events.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
    });
    expect(role?.Properties.RoleName).toBeUndefined();
  });

  it.each([
    [{ organizationId: undefined }, 'give an organizationId or an externalId'],
    [{ centralAccountId: '11112222333' }, 'centralAccountId (12 digits) is "11112222333"'],
    [{ centralRoleArns: ['arn:aws:iam::444455556666:role/other'] }, 'is not in account 111122223333'],
    [{ centralRoleArns: [] }, 'centralRoleArns is empty'],
    [{ centralBusArn: 'arn:aws:events:us-east-1:111122223333:event-bus/default' }, 'not the home region'],
    [{ organizationId: 'o-UPPER' }, 'organizationId (o- and 10-32'],
    [{ externalId: 'x' }, 'externalId (2-1224'],
    [{ memberRoleName: 'Customs\u001b[31mReadOnly' }, 'memberRoleName (1-64'],
    [{ memberRoleName: 'r'.repeat(65) }, 'memberRoleName (1-64'],
  ])('refuses %o, naming what is wrong', (change, message) => {
    const make = () => memberTemplate({ ...INPUT, ...change } as MemberTemplateInput);
    expect(make).toThrow(MemberTemplateError);
    expect(make).toThrow(
      expect.objectContaining({ kind: 'input', message: expect.stringContaining(message) }),
    );
  });
});
