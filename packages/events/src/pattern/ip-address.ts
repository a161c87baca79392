/** An IPv4 or IPv6 address as an unsigned integer of 32 or 128 bits. */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly bits: bigint;
}

const DECIMAL_OCTET = /^\d{1,3}$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

function parseIpv4Bits(text: string): bigint | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  let bits = 0n;
  for (const octet of octets) {
    if (!DECIMAL_OCTET.test(octet)) return undefined;
    const value = Number(octet);
    if (value > 255) return undefined;
    bits = (bits << 8n) | BigInt(value);
  }
  return bits;
}

function parseHexGroups(text: string): bigint[] | undefined {
  if (text === '') return [];
  const groups: bigint[] = [];
  const parts = text.split(':');
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const embedded = parseIpv4Bits(part);
      if (embedded === undefined) return undefined;
      groups.push(embedded >> 16n, embedded & 0xffffn);
    } else if (HEX_GROUP.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6Bits(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = parseHexGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseHexGroups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  let bits = 0n;
  for (const group of [...head, ...Array<bigint>(missing).fill(0n), ...tail]) bits = (bits << 16n) | group;
  return bits;
}

/**
 * Parses a textual IPv4 (`10.0.0.33`) or IPv6 (`2001:db8::1`, `::ffff:10.0.0.1`) address.
 * @example parseIpAddress('10.0.0.1') // { version: 4, bits: 167772161n }
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const bits = parseIpv6Bits(text);
    return bits === undefined ? undefined : { version: 6, bits };
  }
  const bits = parseIpv4Bits(text);
  return bits === undefined ? undefined : { version: 4, bits };
}
