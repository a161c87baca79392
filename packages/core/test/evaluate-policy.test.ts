import { describe, expect, it } from 'vitest';
import { evaluatePolicy, parsePolicyDocument, preparePolicy } from '../src/policy/index.js';
import type { PolicyCaller, PolicyDocument } from '../src/types/policy.js';

/**
 * The evaluator's matrix, drawn from the IAM User Guide pages named in each describe
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/<page>.html). Policies go through the real parser.
 */
const OWN = '111122223333';
const TRUSTED = '777788889999';
const OTHER = '444455556666';
const OUTSIDE: PolicyCaller = { kind: 'outside', accountId: OWN, trustedAccounts: [TRUSTED] };
const ANYONE: PolicyCaller = { kind: 'anyone' };
const aws = (arn: string): PolicyCaller => ({ kind: 'aws', arn });

function policy(...statements: unknown[]): PolicyDocument {
  return parsePolicyDocument({ Version: '2012-10-17', Statement: statements });
}

const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };

describe('reference_policies_evaluation-logic and _AccessPolicyLanguage_Interplay: explicit and implicit deny', () => {
  // The page's example: AllowGetList allows, DenyReports explicitly denies, the rest is implicitly denied.
  const example = policy(
    { Sid: 'AllowGetList', Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
    { Sid: 'DenyReports', Effect: 'Deny', Action: 'iam:*Report', Resource: '*' },
  );

  it('allows what an Allow grants and no Deny touches', () => {
    const answer = evaluatePolicy(example, { action: 'iam:GetUser', resource: '*' });
    expect(answer.decision).toBe('allowed');
    expect(answer.grants.map((grant) => grant.statement.label)).toEqual([
      'Statement[0] (Sid "AllowGetList")',
    ]);
  });

  it('lets an explicit Deny override the Allow, naming it', () => {
    const answer = evaluatePolicy(example, { action: 'iam:GetCredentialReport', resource: '*' });
    expect(answer).toMatchObject({ decision: 'denied', grants: [] });
    expect(answer.allowedBy.map((ref) => ref.sid)).toEqual(['AllowGetList']);
    expect(answer.deniedBy.map((ref) => ref.label)).toEqual(['Statement[1] (Sid "DenyReports")']);
  });

  it('answers not-granted (the implicit deny) when no Allow grants it', () => {
    expect(evaluatePolicy(example, { action: 'iam:CreatePolicy', resource: '*' })).toEqual({
      decision: 'not-granted',
      grants: [],
      allowedBy: [],
      deniedBy: [],
    });
  });

  it('takes "*" on "*" away with a Deny of everything, and with a Deny of part of it', () => {
    const everything = policy(allowAll, { Effect: 'Deny', Action: '*', Resource: '*' });
    const part = policy(allowAll, { Effect: 'Deny', Action: 'iam:*', Resource: '*' });
    expect(evaluatePolicy(everything, { action: '*', resource: '*' }).decision).toBe('denied');
    expect(evaluatePolicy(part, { action: '*', resource: '*' }).decision).toBe('denied');
    expect(evaluatePolicy(part, { action: 'ecr:*', resource: '*' }).decision).toBe('allowed');
  });
});

describe('reference_policies_elements_action: case-insensitive actions with * and ?', () => {
  const wildcards = policy({
    Effect: 'Allow',
    Action: ['ECR:put*', 'ecr:Get?ownloadUrlForLayer'],
    Resource: '*',
  });

  it.each([
    ['ecr:PutImage', 'allowed'],
    ['ecr:GetDownloadUrlForLayer', 'allowed'],
    ['ecr:BatchGetImage', 'not-granted'],
  ])('%s is %s', (action, decision) => {
    expect(evaluatePolicy(wildcards, { action, resource: '*' }).decision).toBe(decision);
  });

  it('needs a pattern that covers every action a question pattern stands for', () => {
    expect(evaluatePolicy(wildcards, { action: 'ecr:*', resource: '*' }).decision).toBe('not-granted');
    expect(evaluatePolicy(policy(allowAll), { action: 'ecr:*', resource: '*' }).decision).toBe('allowed');
  });
});

describe('reference_policies_elements_notaction', () => {
  it('NotAction with Allow grants everything else ("all but IAM" is not "*")', () => {
    const allButIam = policy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(evaluatePolicy(allButIam, { action: '*', resource: '*' }).decision).toBe('not-granted');
    expect(evaluatePolicy(allButIam, { action: 'ecr:*', resource: '*' }).decision).toBe('allowed');
    expect(evaluatePolicy(allButIam, { action: 'iam:CreateUser', resource: '*' }).decision).toBe(
      'not-granted',
    );
  });

  it('NotAction scoped by Resource (the page\'s "all S3 but DeleteBucket" example)', () => {
    const s3 = policy({ Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*' });
    const object = 'arn:aws:s3:::amzn-s3-demo-bucket/key';
    expect(evaluatePolicy(s3, { action: 's3:GetObject', resource: object }).decision).toBe('allowed');
    expect(evaluatePolicy(s3, { action: 's3:DeleteBucket', resource: object }).decision).toBe('not-granted');
    expect(evaluatePolicy(s3, { action: '*', resource: '*' }).decision).toBe('not-granted');
  });

  it('an Allow of NotAction and an Allow of what it leaves out grant "*" together', () => {
    const split = policy(
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Sid: 'Iam', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    );
    const answer = evaluatePolicy(split, { action: '*', resource: '*' });
    expect(answer.decision).toBe('allowed');
    expect(answer.grants.map((grant) => grant.statement.index)).toEqual([0, 1]);
  });

  it("a Deny with NotAction under an unknown condition (the page's MFA example) cannot be relied on", () => {
    const mfa = policy(allowAll, {
      Sid: 'DenyAllUsersNotUsingMFA',
      Effect: 'Deny',
      NotAction: 'iam:*',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    });
    expect(evaluatePolicy(mfa, { action: '*', resource: '*' })).toMatchObject({
      decision: 'allowed',
      deniedBy: [],
    });
  });

  it('a Deny with NotAction takes away everything it does not list', () => {
    const onlyIam = policy(allowAll, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' });
    expect(evaluatePolicy(onlyIam, { action: 'ecr:PutImage', resource: '*' }).decision).toBe('denied');
    expect(evaluatePolicy(onlyIam, { action: 'iam:GetUser', resource: '*' }).decision).toBe('allowed');
  });
});

describe('reference_policies_elements_resource and _notresource', () => {
  it('"*" on "*" needs every resource: NotResource or a scoped Resource grants less', () => {
    const allBut = policy({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::secret' });
    const scoped = policy({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::amzn-s3-demo-bucket/*' });
    expect(evaluatePolicy(allBut, { action: '*', resource: '*' }).decision).toBe('not-granted');
    expect(evaluatePolicy(allBut, { action: 's3:GetObject', resource: 'arn:aws:s3:::other' }).decision).toBe(
      'allowed',
    );
    expect(evaluatePolicy(scoped, { action: '*', resource: '*' }).decision).toBe('not-granted');
  });

  it('a Deny on one resource takes part of "*" away', () => {
    const oneBucket = policy(allowAll, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::audit' });
    expect(evaluatePolicy(oneBucket, { action: '*', resource: '*' }).decision).toBe('denied');
    expect(
      evaluatePolicy(oneBucket, { action: 's3:GetObject', resource: 'arn:aws:s3:::other' }).decision,
    ).toBe('allowed');
  });

  it('a resource policy statement without Resource applies to its own resource', () => {
    const repository = policy({ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 'ecr:PutImage' });
    const arn = `arn:aws:ecr:eu-west-1:${OWN}:repository/team/app`;
    expect(
      evaluatePolicy(repository, { principal: OUTSIDE, action: 'ecr:PutImage', resource: arn }).decision,
    ).toBe('allowed');
  });
});

describe('reference_policies_elements_principal', () => {
  const trust = (principal: unknown) =>
    policy({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' });
  const assume = (doc: PolicyDocument, principal: PolicyCaller) =>
    evaluatePolicy(doc, { principal, action: 'sts:AssumeRole' }).decision;

  it('an account id or root ARN names every principal of the account', () => {
    const role = aws(`arn:aws:iam::${OTHER}:role/deployer`);
    expect(assume(trust({ AWS: OTHER }), role)).toBe('allowed');
    expect(assume(trust({ AWS: `arn:aws:iam::${OTHER}:root` }), role)).toBe('allowed');
    expect(assume(trust({ AWS: `arn:aws:iam::${OTHER}:root` }), aws(`arn:aws:iam::${OWN}:role/x`))).toBe(
      'not-granted',
    );
  });

  it('a role ARN names its assumed-role sessions; a user ARN only that user', () => {
    const byRole = trust({ AWS: `arn:aws:iam::${OTHER}:role/team/ci` });
    expect(assume(byRole, aws(`arn:aws:sts::${OTHER}:assumed-role/ci/build-42`))).toBe('allowed');
    expect(assume(byRole, aws(`arn:aws:sts::${OTHER}:assumed-role/cd/build-42`))).toBe('not-granted');
    const byUser = trust({ AWS: `arn:aws:iam::${OTHER}:user/alice` });
    expect(assume(byUser, aws(`arn:aws:iam::${OTHER}:user/bob`))).toBe('not-granted');
  });

  it('a unique id (what IAM shows for a deleted role) names no one', () => {
    expect(assume(trust({ AWS: 'AROA1234567890EXAMPLE' }), OUTSIDE)).toBe('not-granted');
    expect(assume(trust({ AWS: 'AROA1234567890EXAMPLE' }), ANYONE)).toBe('not-granted');
  });

  it('"*" and {"AWS": "*"} name everyone; a service or a provider names only itself', () => {
    expect(assume(trust('*'), ANYONE)).toBe('allowed');
    expect(assume(trust({ AWS: '*' }), ANYONE)).toBe('allowed');
    const service = trust({ Service: 'ecs-tasks.amazonaws.com' });
    expect(assume(service, { kind: 'service', service: 'ecs-tasks.amazonaws.com' })).toBe('allowed');
    expect(assume(service, OUTSIDE)).toBe('not-granted');
    const provider = trust({ Federated: 'cognito-identity.amazonaws.com' });
    expect(assume(provider, { kind: 'federated', provider: 'cognito-identity.amazonaws.com' })).toBe(
      'allowed',
    );
    expect(assume(provider, ANYONE)).toBe('not-granted');
  });

  it('an outsider is any principal outside the account and trusted accounts, named or through "*"', () => {
    const mixed = policy({
      Sid: 'Mixed',
      Effect: 'Allow',
      Principal: { AWS: [`arn:aws:iam::${OWN}:root`, TRUSTED, `arn:aws:iam::${OTHER}:role/ci`] },
      Action: 'ecr:PutImage',
    });
    const answer = evaluatePolicy(mixed, { principal: OUTSIDE, action: 'ecr:PutImage' });
    expect(answer.grants).toEqual([
      {
        statement: { index: 0, sid: 'Mixed', label: 'Statement[0] (Sid "Mixed")' },
        principal: `arn:aws:iam::${OTHER}:role/ci`,
        named: true,
        account: OTHER,
        actions: ['ecr:PutImage'],
        conditions: [],
      },
    ]);
  });
});

describe('reference_policies_elements_notprincipal', () => {
  it('Deny with NotPrincipal denies everyone but the principals it names', () => {
    const guarded = policy(
      { Effect: 'Allow', Principal: '*', Action: 'ecr:*' },
      {
        Effect: 'Deny',
        NotPrincipal: { AWS: [`arn:aws:iam::${OTHER}:role/ci`, `arn:aws:iam::${OTHER}:root`] },
        Action: '*',
      },
    );
    expect(evaluatePolicy(guarded, { principal: ANYONE, action: 'ecr:PutImage' }).decision).toBe('denied');
    expect(
      evaluatePolicy(guarded, { principal: aws(`arn:aws:iam::${OTHER}:role/ci`), action: 'ecr:PutImage' })
        .decision,
    ).toBe('allowed');
  });

  it('an Allow with NotPrincipal (not supported for new policies) is read as everyone it does not name', () => {
    const allBut = policy({
      Effect: 'Allow',
      NotPrincipal: { AWS: `arn:aws:iam::${OWN}:role/Admin` },
      Action: 'ecr:*',
    });
    const answer = evaluatePolicy(allBut, { principal: ANYONE, action: 'ecr:BatchGetImage' });
    expect(answer.grants).toMatchObject([{ principal: 'NotPrincipal', named: false }]);
  });
});

describe('reference_policies_elements_condition_operators and _condition-logic-multiple-context-keys-or-values', () => {
  const open = (condition: unknown, principal: unknown = '*') =>
    policy({ Effect: 'Allow', Principal: principal, Action: 'ecr:BatchGetImage', Condition: condition });
  const decide = (doc: PolicyDocument, who: PolicyCaller = ANYONE, action = 'ecr:BatchGetImage') =>
    evaluatePolicy(doc, { principal: who, action }).decision;

  it('a key absent from the request makes a condition false, and a negated one true', () => {
    expect(decide(open({ StringEquals: { 'aws:SourceAccount': OWN } }))).toBe('not-granted');
    expect(decide(open({ StringLike: { 'aws:SourceArn': '*' } }))).toBe('not-granted');
    expect(decide(open({ StringNotEquals: { 'aws:SourceAccount': OWN } }))).toBe('allowed');
  });

  it('...IfExists holds when the key is absent, so it restricts nobody who has no organization', () => {
    expect(decide(open({ StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }))).toBe('allowed');
    expect(decide(open({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }))).toBe('not-granted');
  });

  it('a named outsider may be in an organization of its own, or in none', () => {
    const named = { AWS: `arn:aws:iam::${OTHER}:root` };
    expect(decide(open({ Null: { 'aws:PrincipalOrgID': 'false' } }, named), OUTSIDE)).toBe('allowed');
    expect(decide(open({ Null: { 'aws:PrincipalOrgID': 'true' } }, named), OUTSIDE)).toBe('allowed');
    expect(decide(open({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }, named), OUTSIDE)).toBe(
      'not-granted',
    );
  });

  it('Null tests presence; ForAllValues holds on an absent key, ForAnyValue does not', () => {
    expect(decide(open({ Null: { 'aws:PrincipalOrgID': 'false' } }))).toBe('allowed');
    expect(decide(open({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }))).toBe(
      'allowed',
    );
    expect(decide(open({ 'ForAnyValue:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }))).toBe(
      'not-granted',
    );
  });

  it('operators and keys AND; a wildcard value restricts no one who has the key', () => {
    const both = {
      StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
      Bool: { 'aws:SecureTransport': 'true' },
    };
    expect(decide(open(both))).toBe('not-granted');
    expect(decide(open({ StringLike: { 'aws:PrincipalOrgID': '*' } }))).toBe('allowed');
    expect(decide(open({ stringequals: { 'AWS:PRINCIPALACCOUNT': OWN } }))).toBe('not-granted');
  });

  it('pins "*" to the account itself for outsiders, not to a foreign account', () => {
    const own = open({ StringEquals: { 'aws:PrincipalAccount': [OWN, TRUSTED] } });
    const foreign = open({ StringEquals: { 'aws:PrincipalAccount': OTHER } });
    expect(decide(own, OUTSIDE)).toBe('not-granted');
    expect(decide(foreign, ANYONE)).toBe('not-granted');
    expect(evaluatePolicy(foreign, { principal: OUTSIDE, action: 'ecr:BatchGetImage' }).grants).toMatchObject(
      [{ principal: '*', named: false, conditions: [] }],
    );
    const byArn = open({ ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${OTHER}:role/*` } });
    expect(decide(byArn, OUTSIDE)).toBe('allowed');
    expect(decide(byArn, ANYONE)).toBe('not-granted');
  });

  it("a negated operator's values NOR: a Deny of every account but these applies to every outsider", () => {
    const fenced = policy(
      { Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: '*',
        Condition: { StringNotEquals: { 'aws:PrincipalAccount': [OWN, TRUSTED] } },
      },
    );
    expect(decide(fenced, OUTSIDE)).toBe('denied');
    expect(decide(fenced, aws(`arn:aws:iam::${TRUSTED}:role/reader`))).toBe('allowed');
  });

  it('an Allow under a condition Customs cannot know still grants, and says so; such a Deny is not relied on', () => {
    const sourceIp = { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } };
    const answer = evaluatePolicy(open(sourceIp), { principal: ANYONE, action: 'ecr:BatchGetImage' });
    expect(answer.grants).toMatchObject([{ conditions: ['aws:SourceIp'] }]);
    const denied = policy(
      { Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' },
      {
        Effect: 'Deny',
        Principal: '*',
        Action: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      },
    );
    expect(decide(denied)).toBe('allowed');
  });

  it('sts:ExternalId is presented by the caller of sts:AssumeRole, and by no other request', () => {
    const vendorTrust = policy({
      Effect: 'Allow',
      Principal: { AWS: OTHER },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'c2d1b8e4-vendor' } },
    });
    expect(
      evaluatePolicy(vendorTrust, { principal: OUTSIDE, action: 'sts:AssumeRole' }).grants,
    ).toMatchObject([{ principal: OTHER, named: true, conditions: ['sts:ExternalId'] }]);
    const anyId = policy({
      Effect: 'Allow',
      Principal: { AWS: OTHER },
      Action: ['sts:AssumeRole', 'ecr:PutImage'],
      Condition: { StringLike: { 'sts:ExternalId': '*' } },
    });
    expect(evaluatePolicy(anyId, { principal: OUTSIDE, action: 'sts:AssumeRole' }).grants).toMatchObject([
      { conditions: [] },
    ]);
    expect(decide(anyId, OUTSIDE, 'ecr:PutImage')).toBe('not-granted');
  });
});

describe('reference_policies_grammar: documents as AWS stores them, and documents it would refuse', () => {
  it('reads one value or a list for every element', () => {
    const single = parsePolicyDocument({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    });
    expect(evaluatePolicy(single, { action: '*', resource: '*' }).decision).toBe('allowed');
  });

  it('reads a Condition that is not a map of maps as unknown: it neither grants surely nor denies', () => {
    const odd = policy(
      { Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage', Condition: ['aws:PrincipalOrgID'] },
      { Effect: 'Deny', Principal: '*', Action: '*', Condition: 'always' },
    );
    expect(evaluatePolicy(odd, { principal: ANYONE, action: 'ecr:BatchGetImage' }).grants).toMatchObject([
      { conditions: ['Condition'] },
    ]);
  });

  it('ignores values that are not strings, and a resource statement without a Principal grants no one', () => {
    const odd = policy(
      { Effect: 'Allow', Principal: '*', Action: [42, { nested: true }, 'ecr:BatchGetImage'] },
      { Effect: 'Allow', Action: 'ecr:PutImage' },
    );
    expect(evaluatePolicy(odd, { principal: ANYONE, action: 'ecr:BatchGetImage' }).decision).toBe('allowed');
    expect(evaluatePolicy(odd, { principal: ANYONE, action: 'ecr:PutImage' }).decision).toBe('not-granted');
  });
});

describe('scope "some": can the caller do anything at all?', () => {
  const pull = ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'];

  it('lists what survives the Deny statements', () => {
    const partly = policy(
      { Effect: 'Allow', Principal: '*', Action: pull },
      { Effect: 'Deny', Principal: '*', Action: 'ecr:BatchGetImage' },
    );
    const answer = evaluatePolicy(partly, { principal: ANYONE, action: '*', scope: 'some' });
    expect(answer.grants).toMatchObject([
      { actions: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer'] },
    ]);
    expect(answer.deniedBy.map((ref) => ref.index)).toEqual([1]);
  });

  it('is denied when a Deny covers all an Allow grants, NotAction included', () => {
    const all = policy(
      { Effect: 'Allow', Principal: '*', Action: 'ecr:*' },
      { Effect: 'Deny', Principal: '*', Action: 'ecr:*' },
    );
    const complement = policy(
      { Effect: 'Allow', Principal: '*', NotAction: 'iam:*' },
      { Effect: 'Deny', Principal: '*', NotAction: 'iam:*' },
    );
    expect(evaluatePolicy(all, { principal: ANYONE, action: '*', scope: 'some' }).decision).toBe('denied');
    expect(evaluatePolicy(complement, { principal: ANYONE, action: '*', scope: 'some' }).decision).toBe(
      'denied',
    );
    const someOf = policy({ Effect: 'Allow', Principal: '*', NotAction: ['ecr:Delete*', 'iam:*'] });
    expect(
      evaluatePolicy(someOf, { principal: ANYONE, action: 'ecr:*', scope: 'some' }).grants[0]?.actions,
    ).toEqual(['ecr:* but ecr:Delete*']);
    const notAction = policy({ Effect: 'Allow', Principal: '*', NotAction: 'ecr:Delete*' });
    expect(evaluatePolicy(notAction, { principal: ANYONE, action: '*', scope: 'some' }).grants).toMatchObject(
      [{ actions: ['every action but ecr:Delete*'] }],
    );
  });
});

describe('a document at the size bound', () => {
  it('answers for every principal a large policy names, denied or not', () => {
    // Prepare: 250 statements, each granting push to one foreign role, every other one denied again
    const statements = Array.from({ length: 250 }, (_, index) => ({
      Sid: `S${index}`,
      Effect: index % 2 === 0 ? 'Allow' : 'Deny',
      Principal: { AWS: `arn:aws:iam::${String(400_000_000_000 + Math.floor(index / 2))}:role/r` },
      Action: 'ecr:PutImage',
    }));
    const text = JSON.stringify({ Version: '2012-10-17', Statement: statements });
    expect(text.length).toBeLessThan(32_768);
    // Act
    const answer = evaluatePolicy(parsePolicyDocument(text), { principal: OUTSIDE, action: 'ecr:PutImage' });
    // Assess: each allowed role is denied by the statement after it
    expect(answer.decision).toBe('denied');
    expect(answer.allowedBy).toHaveLength(125);
    expect(answer.deniedBy).toHaveLength(125);
  });
});

describe('preparePolicy: one reading of a document for several questions', () => {
  it('answers each question as the document itself does, whatever principal and action it asks', () => {
    // Prepare: a resource policy naming an outside account, everyone under an org condition, a third party with an external id, and a Deny
    const document = policy(
      { Sid: 'Partner', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'ecr:*' },
      {
        Sid: 'Org',
        Effect: 'Allow',
        Principal: '*',
        Action: ['ecr:BatchGetImage', 'sts:AssumeRole'],
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      },
      {
        Sid: 'Vendor',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${TRUSTED}:role/vendor` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'vendor-7' } },
      },
      { Sid: 'NoDelete', Effect: 'Deny', Principal: '*', Action: 'ecr:Delete*', Resource: '*' },
      { Sid: 'AllButIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    );
    const principals: (PolicyCaller | undefined)[] = [
      OUTSIDE,
      ANYONE,
      aws(`arn:aws:iam::${OTHER}:user/dev`),
      { kind: 'attached', accountId: OWN },
      undefined,
    ];
    const actions = ['ecr:PutImage', 'ecr:*', 'ecr:DeleteRepository', 'sts:AssumeRole', '*', 'iam:PassRole'];
    const questions = principals.flatMap((principal) =>
      actions.flatMap((action) =>
        (['every', 'some'] as const).map((scope) => ({ principal, action, resource: '*', scope })),
      ),
    );
    // Act: one prepared policy for every question, principal objects reused across questions
    const prepared = preparePolicy(document);
    const answers = questions.map((question) => evaluatePolicy(prepared, question));
    // Assess
    expect(answers).toEqual(questions.map((question) => evaluatePolicy(document, question)));
    expect(answers.filter((answer) => answer.decision === 'allowed').length).toBeGreaterThan(10);
    expect(answers.some((answer) => answer.decision === 'not-granted')).toBe(true);
  });
});
