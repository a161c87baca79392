/** The CIDR blocks that mean "anyone on the internet", IPv4 and IPv6. */
export const WORLD_CIDRS: readonly string[] = ['0.0.0.0/0', '::/0'];

/**
 * Whether a CIDR block admits every address (`0.0.0.0/0` or `::/0`), whitespace and case aside.
 * @example
 * isWorldCidr('0.0.0.0/0'); // true
 * isWorldCidr('203.0.113.5/32'); // false
 */
export function isWorldCidr(cidr: string): boolean {
  return WORLD_CIDRS.includes(cidr.trim().toLowerCase());
}
