import { CustomsError } from '@customs/core';

/**
 * What the member-account template is made from: the central deployment's account, bus and
 * function roles, and how the member role's trust is conditioned.
 */
export interface MemberTemplateInput {
  /** The central (Customs) account, 12 digits. */
  centralAccountId: string;
  /** The central account's default bus in its home region, where the member rules forward. */
  centralBusArn: string;
  /** The central functions' roles that read member accounts (the event handlers, sweep, sweep-worker). */
  centralRoleArns: readonly string[];
  /** `o-…`: the member role trusts the central roles only as principals of this organisation. */
  organizationId?: string | undefined;
  /** An `sts:ExternalId` the central roles must present (in addition to, or instead of, the organisation). */
  externalId?: string | undefined;
  /** The member role's name (`CustomsReadOnly`). */
  memberRoleName: string;
  /** The region whose stack instance creates the (global) IAM role: the central deployment's home region. */
  homeRegion: string;
}

/** A member-template input that AWS would refuse, or that would make a role trusting too much. */
export class MemberTemplateError extends CustomsError {
  override name = 'MemberTemplateError';

  constructor(message: string) {
    super('input', message);
  }
}

const ACCOUNT_ID = /^\d{12}$/;
/** Organizations' pattern for an organisation id (Organizations API reference, Organization.Id). */
const ORGANIZATION_ID = /^o-[a-z0-9]{10,32}$/;
/** STS's pattern for an external id: 2 to 1,224 characters of [\w+=,.@:/-] (AssumeRole, ExternalId). */
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
/** IAM's role name: 1 to 64 characters of [\w+=,.@-] (CreateRole, RoleName). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
/** An IAM role ARN: partition, 12-digit account, optional path, name (no backtracking: one class per part). */
const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;
const BUS_ARN = /^arn:(aws|aws-cn|aws-us-gov):events:([a-z0-9-]{1,30}):(\d{12}):event-bus\/([\w.-]{1,256})$/;

/** At most this many central roles in the trust policy (a trust policy is at most 4,096 characters). */
const MAX_CENTRAL_ROLES = 20;

/** The value, shortened and quoted for an error message. */
function shown(value: unknown): string {
  return JSON.stringify(String(value).slice(0, 80));
}

function requireMatch(value: unknown, pattern: RegExp, what: string): string {
  if (typeof value !== 'string' || !pattern.test(value))
    throw new MemberTemplateError(`member template: ${what} is ${shown(value)}`);
  return value;
}

/**
 * Checks the member role's name and trust options as IAM and STS would (also when deploying,
 * before any resource: organization-options.ts).
 * @example checkMemberRole({ memberRoleName: 'CustomsReadOnly', organizationId: 'o-a1b2c3d4e5' })
 */
export function checkMemberRole(
  input: Pick<MemberTemplateInput, 'memberRoleName' | 'organizationId' | 'externalId'>,
): void {
  requireMatch(input.memberRoleName, ROLE_NAME, 'memberRoleName (1-64 of letters, digits and +=,.@_-)');
  if (input.organizationId !== undefined)
    requireMatch(
      input.organizationId,
      ORGANIZATION_ID,
      'organizationId (o- and 10-32 lowercase letters or digits)',
    );
  if (input.externalId !== undefined)
    requireMatch(input.externalId, EXTERNAL_ID, 'externalId (2-1224 of [\\w+=,.@:/-])');
}

/**
 * Checks the input as AWS would (account, ARNs, names), and that the role's trust is
 * conditioned: an organisation id or an external id, or no template at all.
 * @example validateMemberInput({ centralAccountId: '111122223333', ... }) // throws MemberTemplateError when wrong
 */
export function validateMemberInput(input: MemberTemplateInput): MemberTemplateInput {
  const account = requireMatch(input.centralAccountId, ACCOUNT_ID, 'centralAccountId (12 digits)');
  const bus = BUS_ARN.exec(requireMatch(input.centralBusArn, BUS_ARN, 'centralBusArn (an event bus ARN)'));
  if (bus?.[3] !== account)
    throw new MemberTemplateError(
      `member template: the central bus ${shown(input.centralBusArn)} is not in account ${account}`,
    );
  if (bus[2] !== input.homeRegion)
    throw new MemberTemplateError(
      `member template: the central bus is in ${bus[2]}, not the home region ${shown(input.homeRegion)}`,
    );
  requireMatch(input.homeRegion, REGION, 'homeRegion (a region, e.g. eu-west-1)');
  checkMemberRole(input);
  if (!Array.isArray(input.centralRoleArns) || input.centralRoleArns.length === 0)
    throw new MemberTemplateError(
      'member template: centralRoleArns is empty; name the central functions’ roles',
    );
  if (input.centralRoleArns.length > MAX_CENTRAL_ROLES)
    throw new MemberTemplateError(
      `member template: ${input.centralRoleArns.length} central roles; at most ${MAX_CENTRAL_ROLES}`,
    );
  for (const arn of input.centralRoleArns) {
    const role = ROLE_ARN.exec(requireMatch(arn, ROLE_ARN, 'a central role ARN'));
    if (role?.[2] !== account)
      throw new MemberTemplateError(
        `member template: the central role ${shown(arn)} is not in account ${account}`,
      );
  }
  if (input.organizationId === undefined && input.externalId === undefined)
    throw new MemberTemplateError(
      'member template: give an organizationId or an externalId; a role trusting another account without either is what iam-role-trust-restricted fails',
    );
  return input;
}
