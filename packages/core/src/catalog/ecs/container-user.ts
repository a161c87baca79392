/**
 * A container's `user` as ECS documents it: `user`, `user:group`, `uid`, `uid:gid`, `user:gid`
 * or `uid:group`. Only the user part decides who the process runs as; the group is named in
 * messages but never makes a user root or not.
 */
export interface ContainerUser {
  /** The part before the first `:`, trimmed; empty when `user` is unset, blank or `:group`. */
  user: string;
  group?: string;
}

/**
 * Splits `user` at its first `:` (no regex: the value comes from the account).
 * @example parseContainerUser('1000:wheel') // { user: '1000', group: 'wheel' }
 */
export function parseContainerUser(raw: string | undefined): ContainerUser {
  const value = raw?.trim() ?? '';
  const colon = value.indexOf(':');
  if (colon < 0) return { user: value };
  return { user: value.slice(0, colon).trim(), group: value.slice(colon + 1).trim() };
}

function isAllDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (const char of value) if (char < '0' || char > '9') return false;
  return true;
}

/**
 * Whether the user part names Linux's root: the name `root` (user names are case-sensitive) or
 * uid 0 in any spelling (`0`, `00`).
 * @example isLinuxRoot(parseContainerUser('0:1000')) // true
 */
export function isLinuxRoot(user: ContainerUser): boolean {
  if (user.user === 'root') return true;
  return isAllDigits(user.user) && Number(user.user) === 0;
}

/**
 * Whether the user is Windows' default container administrator, `ContainerAdministrator` (Windows
 * account names are case-insensitive).
 */
export function isWindowsAdministrator(user: ContainerUser): boolean {
  return user.user.toLowerCase() === 'containeradministrator';
}
