/**
 * One value of a `Principal` element, as IAM reads it (AWS JSON policy elements: Principal,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
 * - `everyone`: `"Principal": "*"`; `aws-everyone`: `{"AWS": "*"}` (every AWS principal and anonymous callers);
 * - `account`: a 12-digit id or `arn:aws:iam::ACCOUNT:root`: every principal of that account;
 * - `arn`: one user, role, assumed-role session or federated user;
 * - `service`, `federated`: an AWS service or an identity provider;
 * - `nobody`: a unique id (what IAM shows once the named user or role was deleted: it matches no one,
 *   even a new principal of the same name), a canonical user, or anything else no caller can be.
 */
export type PrincipalEntry =
  | { kind: 'everyone'; value: string }
  | { kind: 'aws-everyone'; value: string }
  | { kind: 'account'; value: string; account: string }
  | { kind: 'arn'; value: string; account: string; arn: string }
  | { kind: 'service'; value: string }
  | { kind: 'federated'; value: string }
  | { kind: 'nobody'; value: string };

/** A caller the evaluator judges a statement for. */
export interface Caller {
  type: 'attached' | 'aws' | 'anonymous' | 'service' | 'federated';
  /** The AWS account (`aws`; `attached` when known). */
  account?: string;
  /** The principal's ARN (`aws`). */
  arn?: string;
  /** The service or identity provider (`service`, `federated`). */
  name?: string;
  /** Its organization; null when it is in none; undefined when unknown. */
  orgId?: string | null;
}

const ACCOUNT_ID = /^\d{12}$/;

/**
 * The account of an AWS principal: a 12-digit id, or the account field of an `iam` or `sts` ARN.
 * @example accountOfPrincipal('arn:aws:sts::444455556666:assumed-role/ci/session') // '444455556666'
 */
export function accountOfPrincipal(value: string): string | undefined {
  if (ACCOUNT_ID.test(value)) return value;
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || !(parts[2] === 'iam' || parts[2] === 'sts')) return undefined;
  return ACCOUNT_ID.test(parts[4] ?? '') ? parts[4] : undefined;
}

/** The entries of a `Principal` / `NotPrincipal` element. */
export function principalEntries(principal: unknown): PrincipalEntry[] {
  if (principal === '*') return [{ kind: 'everyone', value: '*' }];
  if (principal === null || typeof principal !== 'object' || Array.isArray(principal)) return [];
  const entries: PrincipalEntry[] = [];
  for (const [type, values] of Object.entries(principal as Record<string, unknown>)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value === 'string') entries.push(entryOf(type, value));
    }
  }
  return entries;
}

function entryOf(type: string, value: string): PrincipalEntry {
  if (type === 'Service') return { kind: 'service', value };
  if (type === 'Federated') return { kind: 'federated', value };
  if (type !== 'AWS') return { kind: 'nobody', value };
  if (value === '*') return { kind: 'aws-everyone', value };
  const account = accountOfPrincipal(value);
  if (account === undefined || value.includes('*')) return { kind: 'nobody', value };
  if (value === account || isRootArn(value)) return { kind: 'account', value, account };
  return { kind: 'arn', value, account, arn: value };
}

/**
 * Does a principal entry name the caller? An account names each of its principals; a role names
 * its assumed-role sessions.
 */
export function entryNames(entry: PrincipalEntry, caller: Caller): boolean {
  switch (entry.kind) {
    case 'everyone':
      return true;
    case 'aws-everyone':
      return caller.type === 'aws' || caller.type === 'anonymous';
    case 'account':
      return caller.type === 'aws' && caller.account === entry.account;
    case 'arn':
      return caller.type === 'aws' && caller.arn !== undefined && arnNames(entry.arn, caller.arn);
    case 'service':
      return caller.type === 'service' && caller.name?.toLowerCase() === entry.value.toLowerCase();
    case 'federated':
      return caller.type === 'federated' && caller.name === entry.value;
    default:
      return false;
  }
}

/** `arn:PARTITION:iam::ACCOUNT:root`, the account itself. */
function isRootArn(value: string): boolean {
  const parts = value.split(':');
  return parts.length === 6 && parts[2] === 'iam' && parts[3] === '' && parts[5] === 'root';
}

/** A role ARN names the role's sessions (`arn:aws:sts::ACCOUNT:assumed-role/NAME/…`); other ARNs name themselves. */
function arnNames(entryArn: string, callerArn: string): boolean {
  if (entryArn === callerArn) return true;
  const parts = entryArn.split(':');
  const resource = parts[5] ?? '';
  if (parts.length !== 6 || parts[2] !== 'iam' || !resource.startsWith('role/')) return false;
  const name = resource.slice(resource.lastIndexOf('/') + 1);
  return name !== '' && callerArn.startsWith(`arn:${parts[1]}:sts::${parts[4]}:assumed-role/${name}/`);
}

/**
 * The caller a concrete question names.
 * @example callerOfArn('arn:aws:iam::444455556666:root') // { type: 'aws', account: '444455556666', arn: … }
 */
export function callerOfArn(arn: string, orgId?: string | null): Caller {
  const account = accountOfPrincipal(arn);
  return {
    type: 'aws',
    ...(account === undefined ? {} : { account }),
    arn: account === arn ? `arn:aws:iam::${arn}:root` : arn,
    ...(orgId === undefined ? {} : { orgId }),
  };
}
