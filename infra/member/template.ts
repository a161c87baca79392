import { EVENT_RULES, type EventRule } from '@customs/events';
import { pascalCase } from '../names.js';
import { type MemberTemplateInput, validateMemberInput } from './member-input.js';
import { READ_ONLY_POLICY } from './read-only-policy.js';

/** The logical id of the read-only role (its name is the input's `memberRoleName`). */
export const MEMBER_ROLE_ID = 'CustomsReadOnlyRole';
/** The role EventBridge forwards with, and the queue of what it could not deliver. */
const FORWARD_ROLE_ID = 'CustomsForwardRole';
const FORWARD_DLQ_ID = 'CustomsForwardDlq';
/** The stack instance of the home region creates the role (IAM is global: one per account). */
const IN_HOME_REGION = 'InHomeRegion';

/** EventBridge retries delivery for up to a day (its maximum), at most 185 times, then the DLQ. */
const RETRY_POLICY = { MaximumEventAgeInSeconds: 24 * 60 * 60, MaximumRetryAttempts: 185 };

/** `IsUsEast1`: the condition of the rules whose events AWS delivers in one region only. */
function regionCondition(region: string): string {
  return `In${pascalCase(region)}`;
}

/** The logical id of a rule's forwarding rule, `CustomsEcrForwardRule`. */
function ruleId(rule: EventRule): string {
  return `${pascalCase(rule.name)}ForwardRule`;
}

/** The forwarding rule's name, `customs-ecr-forward` (unique per account and region). */
function ruleName(rule: EventRule): string {
  return `${rule.name}-forward`;
}

/** Who may assume the read-only role: the central roles, as principals of the organisation and/or with the external id. */
function trustPolicy(input: MemberTemplateInput) {
  const condition = {
    ...(input.organizationId === undefined ? {} : { 'aws:PrincipalOrgID': input.organizationId }),
    ...(input.externalId === undefined ? {} : { 'sts:ExternalId': input.externalId }),
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CustomsCentralFunctions',
        Effect: 'Allow',
        Principal: { AWS: [...input.centralRoleArns] },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: condition },
      },
    ],
  };
}

function memberRole(input: MemberTemplateInput) {
  return {
    Type: 'AWS::IAM::Role',
    Condition: IN_HOME_REGION,
    Properties: {
      RoleName: input.memberRoleName,
      Description: `Customs (account ${input.centralAccountId}) reads this account: exactly customs iam-policy's actions`,
      MaxSessionDuration: 3600,
      AssumeRolePolicyDocument: trustPolicy(input),
      Policies: [{ PolicyName: 'CustomsReadOnly', PolicyDocument: READ_ONLY_POLICY }],
    },
  };
}

/** The role EventBridge assumes to put the forwarded events on the central bus: that bus only. */
function forwardRole(input: MemberTemplateInput) {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: 'EventBridge forwards the events Customs assesses to its central bus',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          },
        ],
      },
      Policies: [
        {
          PolicyName: 'PutEventsOnCustomsBus',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: input.centralBusArn }],
          },
        },
      ],
    },
  };
}

/** The events EventBridge could not deliver (14 days), and the policy that lets the rules send them. */
function forwardDeadLetters() {
  const ruleArns = EVENT_RULES.map((rule) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:events:\${AWS::Region}:\${AWS::AccountId}:rule/${ruleName(rule)}`,
  }));
  return {
    [FORWARD_DLQ_ID]: {
      Type: 'AWS::SQS::Queue',
      Properties: { MessageRetentionPeriod: 14 * 24 * 60 * 60, SqsManagedSseEnabled: true },
    },
    [`${FORWARD_DLQ_ID}Policy`]: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [{ Ref: FORWARD_DLQ_ID }],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sqs:SendMessage',
              Resource: { 'Fn::GetAtt': [FORWARD_DLQ_ID, 'Arn'] },
              Condition: { ArnEquals: { 'aws:SourceArn': ruleArns } },
            },
          ],
        },
      },
    },
  };
}

/** A rule on the member's default bus with the central rule's pattern, targeting the central bus. */
function forwardingRule(rule: EventRule, input: MemberTemplateInput) {
  return {
    Type: 'AWS::Events::Rule',
    ...(rule.deliveredIn === undefined ? {} : { Condition: regionCondition(rule.deliveredIn) }),
    Properties: {
      Name: ruleName(rule),
      Description: `${rule.description}, forwarded to Customs`,
      EventBusName: 'default',
      EventPattern: rule.pattern,
      State: 'ENABLED',
      Targets: [
        {
          Id: 'CustomsCentralBus',
          Arn: input.centralBusArn,
          RoleArn: { 'Fn::GetAtt': [FORWARD_ROLE_ID, 'Arn'] },
          RetryPolicy: RETRY_POLICY,
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [FORWARD_DLQ_ID, 'Arn'] } },
        },
      ],
    },
  };
}

/**
 * The member-account CloudFormation template (one StackSet for the organisation, or deployed by
 * hand): in the home region's instance the read-only role `memberRoleName` (exactly `customs
 * iam-policy`'s actions, trusted by the central roles with `aws:PrincipalOrgID` and/or
 * `sts:ExternalId`); in every region a forwarding rule per pattern of EVENT_RULES to the central
 * bus, with a role allowed `events:PutEvents` on that bus only; a global service's rule (IAM) only
 * in the region AWS delivers its events in (us-east-1). Throws a MemberTemplateError on a wrong input.
 * @example JSON.stringify(memberTemplate({ centralAccountId: '111122223333', centralBusArn, centralRoleArns, organizationId: 'o-a1b2c3d4e5', memberRoleName: 'CustomsReadOnly', homeRegion: 'eu-west-1' }))
 */
export function memberTemplate(input: MemberTemplateInput) {
  validateMemberInput(input);
  const deliveredIn = [
    ...new Set(EVENT_RULES.flatMap((rule) => (rule.deliveredIn ? [rule.deliveredIn] : []))),
  ];
  const conditions = Object.fromEntries([
    [IN_HOME_REGION, { 'Fn::Equals': [{ Ref: 'AWS::Region' }, input.homeRegion] }],
    ...deliveredIn.map((region) => [
      regionCondition(region),
      { 'Fn::Equals': [{ Ref: 'AWS::Region' }, region] },
    ]),
  ]);
  const rules = Object.fromEntries(EVENT_RULES.map((rule) => [ruleId(rule), forwardingRule(rule, input)]));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Customs member account: read-only role ${input.memberRoleName} and event forwarding to account ${input.centralAccountId}`,
    Conditions: conditions,
    Resources: {
      [MEMBER_ROLE_ID]: memberRole(input),
      [FORWARD_ROLE_ID]: forwardRole(input),
      ...forwardDeadLetters(),
      ...rules,
    },
    Outputs: {
      MemberRoleArn: {
        Condition: IN_HOME_REGION,
        Description: 'The role Customs assumes in this account',
        Value: { 'Fn::GetAtt': [MEMBER_ROLE_ID, 'Arn'] },
      },
    },
  };
}
