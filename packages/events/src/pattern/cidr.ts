import { reject } from './guards.js';
import { parseIpAddress } from './ip-address.js';
import type { PatternPath } from './path.js';

/** A parsed CIDR block. */
export interface CidrBlock {
  readonly version: 4 | 6;
  readonly network: bigint;
  readonly mask: bigint;
}

/**
 * Parses `10.0.0.0/24` or `2001:db8::/32`; host bits are masked off. Rejects what PutRule rejects:
 * no single `/`, mask bits that are not an integer in range, or an address that does not parse.
 * @example parseCidr('10.0.0.0/24', ['detail', 'sourceIPAddress', 0, 'cidr'])
 */
export function parseCidr(text: string, path: PatternPath): CidrBlock {
  const parts = text.split('/');
  if (parts.length !== 2) reject(path, `malformed CIDR "${text}": exactly one "/" is required`);
  const [addressText = '', bitsText = ''] = parts;
  if (!/^\d{1,3}$/.test(bitsText)) reject(path, `malformed CIDR "${text}": mask bits must be an integer`);
  const address = parseIpAddress(addressText);
  if (address === undefined) reject(path, `malformed CIDR "${text}": "${addressText}" is not an IP address`);
  const width = address.version === 4 ? 32 : 128;
  const prefixLength = Number(bitsText);
  if (prefixLength > width) {
    reject(path, `malformed CIDR "${text}": mask bits must be between 0 and ${width}`);
  }
  const all = (1n << BigInt(width)) - 1n;
  const mask = all ^ ((1n << BigInt(width - prefixLength)) - 1n);
  return { version: address.version, network: address.bits & mask, mask };
}

/**
 * Whether the textual address `value` lies in `block` (an IPv4 block never holds an IPv6 address).
 * @example cidrContains(parseCidr('10.0.0.0/24', []), '10.0.0.33') // true
 */
export function cidrContains(block: CidrBlock, value: string): boolean {
  const address = parseIpAddress(value);
  return address?.version === block.version && (address.bits & block.mask) === block.network;
}
