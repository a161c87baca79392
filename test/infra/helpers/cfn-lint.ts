import { parsePolicyDocument } from '@customs/core';

/**
 * A small, offline "cfn-lint" for the templates Customs emits: the resource types it uses, with the
 * required properties, attributes and length limits of the CloudFormation resource reference
 * (AWS::IAM::Role, AWS::Events::Rule, AWS::SQS::Queue, AWS::SQS::QueuePolicy pages), every Ref,
 * Fn::GetAtt, Fn::Sub variable and Condition resolved, policy documents parsed as IAM reads them,
 * no wildcard principal, and no unconditioned reference to a resource that may not be created.
 */
interface ResourceSpec {
  required: readonly string[];
  properties: readonly string[];
  attributes: readonly string[];
  /** Maximum string lengths of properties. */
  limits?: Readonly<Record<string, number>>;
}

const RESOURCE_SPECS: Readonly<Record<string, ResourceSpec>> = {
  'AWS::IAM::Role': {
    required: ['AssumeRolePolicyDocument'],
    properties: [
      'AssumeRolePolicyDocument',
      'Description',
      'ManagedPolicyArns',
      'MaxSessionDuration',
      'Path',
      'PermissionsBoundary',
      'Policies',
      'RoleName',
      'Tags',
    ],
    attributes: ['Arn', 'RoleId'],
    limits: { RoleName: 64, Description: 1000 },
  },
  'AWS::Events::Rule': {
    required: [],
    properties: [
      'Description',
      'EventBusName',
      'EventPattern',
      'Name',
      'RoleArn',
      'ScheduleExpression',
      'State',
      'Targets',
    ],
    attributes: ['Arn'],
    limits: { Name: 64, Description: 512 },
  },
  'AWS::SQS::Queue': {
    required: [],
    properties: [
      'ContentBasedDeduplication',
      'DelaySeconds',
      'FifoQueue',
      'KmsMasterKeyId',
      'MaximumMessageSize',
      'MessageRetentionPeriod',
      'QueueName',
      'ReceiveMessageWaitTimeSeconds',
      'RedrivePolicy',
      'SqsManagedSseEnabled',
      'Tags',
      'VisibilityTimeout',
    ],
    attributes: ['Arn', 'QueueName', 'QueueUrl'],
    limits: { QueueName: 80 },
  },
  'AWS::SQS::QueuePolicy': {
    required: ['PolicyDocument', 'Queues'],
    properties: ['PolicyDocument', 'Queues'],
    attributes: ['Id'],
  },
};

const PSEUDO = new Set([
  'AWS::AccountId',
  'AWS::NoValue',
  'AWS::NotificationARNs',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);
/** CloudFormation's template-body limit for an inline body (CreateStack / CreateStackSet TemplateBody). */
const TEMPLATE_BODY_LIMIT = 51_200;
/** IAM's quotas: a role trust policy 2,048 characters (default), a role's inline policies 10,240 together. */
const TRUST_POLICY_LIMIT = 2048;
const INLINE_POLICIES_LIMIT = 10_240;

// biome-ignore lint/suspicious/noExplicitAny: a template is untyped JSON
type Json = any;

interface Template {
  Conditions?: Record<string, Json>;
  Resources: Record<string, { Type: string; Condition?: string; Properties?: Record<string, Json> }>;
  Outputs?: Record<string, { Condition?: string; Value: Json }>;
}

/** Every node of a JSON value with its path, depth-first, without recursion. */
function* nodes(value: Json, path: string): Generator<[Json, string]> {
  const stack: [Json, string][] = [[value, path]];
  while (stack.length > 0) {
    const [node, at] = stack.pop() as [Json, string];
    yield [node, at];
    if (node !== null && typeof node === 'object')
      for (const [key, child] of Object.entries(node).reverse()) stack.push([child, `${at}.${key}`]);
  }
}

/** The logical ids a `${…}` of Fn::Sub names (`${AWS::Region}` is a pseudo parameter, `${Role.Arn}` an attribute). */
function subVariables(text: string): string[] {
  return [...text.matchAll(/\$\{([^}!]+)\}/g)].map((match) => match[1] as string);
}

/**
 * The problems of a template, each naming where; empty when CloudFormation would accept it as far
 * as these rules go.
 * @example expect(lintTemplate(memberTemplate(input))).toEqual([])
 */
export function lintTemplate(template: Template): string[] {
  const problems: string[] = [];
  const resources = template.Resources ?? {};
  const conditions = template.Conditions ?? {};
  const conditionOf = (id: string) => resources[id]?.Condition;
  /** A reference from `owner` (under `ownerCondition`) to resource `id`, which must exist whenever the owner does. */
  function reference(id: string, at: string, ownerCondition: string | undefined, attribute?: string) {
    if (PSEUDO.has(id)) return;
    const target = resources[id];
    if (!target) return problems.push(`${at}: ${id} is no resource`);
    if (attribute !== undefined && !RESOURCE_SPECS[target.Type]?.attributes.includes(attribute))
      problems.push(`${at}: ${target.Type} has no attribute ${attribute}`);
    const needed = conditionOf(id);
    if (needed !== undefined && needed !== ownerCondition)
      problems.push(
        `${at}: ${id} exists only when ${needed}, the reference ${ownerCondition ? `when ${ownerCondition}` : 'always'}`,
      );
  }
  function walk(value: Json, at: string, ownerCondition: string | undefined) {
    for (const [node, path] of nodes(value, at)) {
      if (node === null || typeof node !== 'object' || Array.isArray(node)) continue;
      if ('Ref' in node) reference(String(node.Ref), path, ownerCondition);
      if ('Fn::GetAtt' in node) {
        const [id, attribute] = node['Fn::GetAtt'] as [string, string];
        reference(id, path, ownerCondition, attribute);
      }
      if ('Fn::Sub' in node)
        for (const variable of subVariables(String(node['Fn::Sub']))) {
          const [id, attribute] = variable.split('.') as [string, string | undefined];
          reference(id, path, ownerCondition, attribute);
        }
      if ('Fn::If' in node && !(String(node['Fn::If'][0]) in conditions))
        problems.push(`${path}: no condition ${node['Fn::If'][0]}`);
      if ('Condition' in node && typeof node.Condition === 'string' && !(node.Condition in conditions))
        problems.push(`${path}: no condition ${node.Condition}`);
      for (const [key, child] of Object.entries(node)) {
        const policy = key === 'PolicyDocument' || key === 'AssumeRolePolicyDocument';
        if (policy)
          problems.push(
            ...policyProblems(
              child,
              `${path}.${key}`,
              key === 'AssumeRolePolicyDocument' ? TRUST_POLICY_LIMIT : undefined,
            ),
          );
      }
    }
  }
  for (const [id, resource] of Object.entries(resources)) {
    const at = `Resources.${id}`;
    const spec = RESOURCE_SPECS[resource.Type];
    if (!spec) {
      problems.push(`${at}: unknown type ${resource.Type}`);
      continue;
    }
    if (resource.Condition !== undefined && !(resource.Condition in conditions))
      problems.push(`${at}: no condition ${resource.Condition}`);
    const properties = resource.Properties ?? {};
    for (const name of spec.required)
      if (!(name in properties)) problems.push(`${at}: ${resource.Type} requires ${name}`);
    for (const [name, value] of Object.entries(properties)) {
      if (!spec.properties.includes(name)) problems.push(`${at}: ${resource.Type} has no property ${name}`);
      const limit = spec.limits?.[name];
      if (limit !== undefined && typeof value === 'string' && value.length > limit)
        problems.push(`${at}.${name}: ${value.length} characters, more than ${limit}`);
    }
    problems.push(...typeProblems(resource.Type, properties, at));
    walk(properties, `${at}.Properties`, resource.Condition);
  }
  for (const [id, output] of Object.entries(template.Outputs ?? {}))
    walk(output.Value, `Outputs.${id}`, output.Condition);
  for (const [id, condition] of Object.entries(conditions)) walk(condition, `Conditions.${id}`, undefined);
  const size = JSON.stringify(template).length;
  if (size > TEMPLATE_BODY_LIMIT)
    problems.push(`the template is ${size} bytes, more than ${TEMPLATE_BODY_LIMIT}`);
  return problems;
}

/** What one resource type adds: a role's inline policy sizes and names, a rule's targets. */
function typeProblems(type: string, properties: Record<string, Json>, at: string): string[] {
  const problems: string[] = [];
  if (type === 'AWS::IAM::Role') {
    const policies = (properties.Policies ?? []) as { PolicyName?: string; PolicyDocument?: Json }[];
    for (const [index, policy] of policies.entries()) {
      if (!policy.PolicyName || policy.PolicyName.length > 128)
        problems.push(`${at}.Policies[${index}]: PolicyName 1-128 characters`);
      if (!policy.PolicyDocument) problems.push(`${at}.Policies[${index}]: no PolicyDocument`);
    }
    const inline = policies.reduce(
      (total, policy) => total + JSON.stringify(policy.PolicyDocument ?? {}).replaceAll(/\s/g, '').length,
      0,
    );
    if (inline > INLINE_POLICIES_LIMIT)
      problems.push(`${at}.Policies: ${inline} characters, more than ${INLINE_POLICIES_LIMIT}`);
    const duration = properties.MaxSessionDuration;
    if (duration !== undefined && (duration < 3600 || duration > 43_200))
      problems.push(`${at}.MaxSessionDuration: ${duration}, not 3600-43200`);
  }
  if (type === 'AWS::Events::Rule') {
    if (properties.EventPattern === undefined && properties.ScheduleExpression === undefined)
      problems.push(`${at}: a rule needs an EventPattern or a ScheduleExpression`);
    const targets = (properties.Targets ?? []) as { Id?: string; Arn?: Json }[];
    if (targets.length > 5) problems.push(`${at}.Targets: ${targets.length}, at most 5`);
    for (const [index, target] of targets.entries())
      if (!target.Id || target.Id.length > 64 || target.Arn === undefined)
        problems.push(`${at}.Targets[${index}]: needs an Id (1-64) and an Arn`);
  }
  return problems;
}

/** Is a principal `*` (any AWS principal)? */
function wildcardPrincipal(principal: Json): boolean {
  if (principal === '*') return true;
  const aws = principal?.AWS;
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}

/** A policy document's problems: it parses as IAM reads it (intrinsics stand for strings), no `*` principal, within `limit`. */
function policyProblems(document: Json, at: string, limit?: number): string[] {
  const problems: string[] = [];
  const rendered = JSON.parse(JSON.stringify(document), (_key, value) =>
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    ('Ref' in value || 'Fn::GetAtt' in value || 'Fn::Sub' in value)
      ? 'arn:aws:iam::444455556666:role/placeholder'
      : value,
  );
  try {
    parsePolicyDocument(rendered);
  } catch (error) {
    problems.push(`${at}: ${(error as Error).message}`);
  }
  for (const [index, statement] of ((rendered.Statement ?? []) as Json[]).entries())
    if (wildcardPrincipal(statement.Principal))
      problems.push(`${at}.Statement[${index}]: a wildcard principal`);
  const size = JSON.stringify(rendered).length;
  if (limit !== undefined && size > limit) problems.push(`${at}: ${size} characters, more than ${limit}`);
  return problems;
}
