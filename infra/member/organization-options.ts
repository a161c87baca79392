import { checkMemberRole, MemberTemplateError } from './member-input.js';

/** How the deployment brings an organisation's member accounts in (docs/deploy.md, "Several accounts"). */
export interface OrganizationOptions {
  /** `o-…`: the central bus accepts its principals' events; the member role trusts them. */
  organizationId: string;
  /** The organisation's root (`r-…`) or OUs (`ou-…`) the StackSet deploys to, with automatic deployment. */
  targets: string[];
  /** The regions of the stack instances: the home region first, then the others, and us-east-1 for IAM. */
  regions: string[];
  memberRoleName: string;
  externalId?: string;
  /** `DELEGATED_ADMIN` when the central account is a delegated StackSets administrator, `SELF` in the management account. */
  callAs: 'SELF' | 'DELEGATED_ADMIN';
}

const ROOT_OR_OU = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
/** IAM's events are delivered in us-east-1 only (packages/events, `deliveredIn`). */
const IAM_REGION = 'us-east-1';
const MAX_LIST = 50;

/** A comma-separated variable's values, trimmed, without empties. */
function listOf(value: string | undefined, name: string): string[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length > MAX_LIST)
    throw new MemberTemplateError(`infra: ${name} has ${items.length} values; at most ${MAX_LIST}`);
  return items;
}

function each(items: string[], pattern: RegExp, name: string, what: string): string[] {
  const wrong = items.find((item) => !pattern.test(item));
  if (wrong !== undefined)
    throw new MemberTemplateError(
      `infra: ${name} has ${JSON.stringify(wrong.slice(0, 80))}, which is not ${what}`,
    );
  return items;
}

/**
 * The organisation options from the deploying shell, or undefined when `CUSTOMS_ORGANIZATION_ID`
 * is unset (one account, as before): `CUSTOMS_MEMBER_TARGETS` (the root or OU ids, required),
 * `CUSTOMS_MEMBER_REGIONS` (default: the home region), `CUSTOMS_MEMBER_ROLE_NAME`
 * (`CustomsReadOnly`), `CUSTOMS_MEMBER_EXTERNAL_ID`, `CUSTOMS_STACKSET_CALL_AS` (`DELEGATED_ADMIN`).
 * A wrong value is refused, naming the variable, so a typo never deploys a different estate.
 * @example organizationOptions({ CUSTOMS_ORGANIZATION_ID: 'o-a1b2c3d4e5', CUSTOMS_MEMBER_TARGETS: 'r-a1b2' }, 'eu-west-1')?.regions // ['eu-west-1', 'us-east-1']
 */
export function organizationOptions(
  env: NodeJS.ProcessEnv,
  homeRegion: string,
): OrganizationOptions | undefined {
  const organizationId = env.CUSTOMS_ORGANIZATION_ID?.trim();
  if (!organizationId) return undefined;
  const targets = each(
    listOf(env.CUSTOMS_MEMBER_TARGETS, 'CUSTOMS_MEMBER_TARGETS'),
    ROOT_OR_OU,
    'CUSTOMS_MEMBER_TARGETS',
    'a root (r-…) or OU (ou-…-…) id',
  );
  if (targets.length === 0)
    throw new MemberTemplateError(
      'infra: CUSTOMS_ORGANIZATION_ID is set without CUSTOMS_MEMBER_TARGETS (the root r-… or the OUs ou-… to deploy the member accounts’ stack to)',
    );
  const regions = each(
    listOf(env.CUSTOMS_MEMBER_REGIONS, 'CUSTOMS_MEMBER_REGIONS'),
    REGION,
    'CUSTOMS_MEMBER_REGIONS',
    'a region',
  );
  const callAs = env.CUSTOMS_STACKSET_CALL_AS?.trim() || 'DELEGATED_ADMIN';
  if (callAs !== 'SELF' && callAs !== 'DELEGATED_ADMIN')
    throw new MemberTemplateError(
      `infra: CUSTOMS_STACKSET_CALL_AS is ${JSON.stringify(callAs.slice(0, 20))}; set it to SELF or DELEGATED_ADMIN`,
    );
  const externalId = env.CUSTOMS_MEMBER_EXTERNAL_ID?.trim() || undefined;
  const memberRoleName = env.CUSTOMS_MEMBER_ROLE_NAME?.trim() || 'CustomsReadOnly';
  // Before any resource: a wrong name or id would otherwise fail only inside the StackSet's template.
  try {
    checkMemberRole({ memberRoleName, organizationId, externalId });
  } catch (error) {
    const variables = 'CUSTOMS_ORGANIZATION_ID / CUSTOMS_MEMBER_ROLE_NAME / CUSTOMS_MEMBER_EXTERNAL_ID';
    throw new MemberTemplateError(`infra: ${variables}: ${(error as Error).message}`);
  }
  return {
    organizationId,
    targets: [...new Set(targets)],
    regions: [...new Set([homeRegion, ...regions, IAM_REGION])],
    memberRoleName,
    ...(externalId ? { externalId } : {}),
    callAs,
  };
}
