import { describe, expect, it } from 'vitest';
import { matchesEventPattern } from '../../src/index.js';

function ipMatches(cidr: string, sourceIPAddress: unknown): boolean {
  return matchesEventPattern({ detail: { sourceIPAddress: [{ cidr }] } }, { detail: { sourceIPAddress } });
}

describe('cidr', () => {
  it('matches IPv4 addresses inside the block', () => {
    expect(ipMatches('10.0.0.0/24', '10.0.0.0')).toBe(true);
    expect(ipMatches('10.0.0.0/24', '10.0.0.255')).toBe(true);
    expect(ipMatches('10.0.0.0/24', '10.0.1.0')).toBe(false);
    expect(ipMatches('0.0.0.0/0', '203.0.113.7')).toBe(true);
    expect(ipMatches('203.0.113.7/32', '203.0.113.7')).toBe(true);
    expect(ipMatches('203.0.113.7/32', '203.0.113.8')).toBe(false);
  });

  it('masks host bits set in the block', () => {
    expect(ipMatches('10.0.0.77/24', '10.0.0.1')).toBe(true);
  });

  it('matches IPv6 addresses, compressed or not', () => {
    expect(ipMatches('2001:db8::/32', '2001:db8:0:0:0:0:0:1')).toBe(true);
    expect(ipMatches('2001:db8::/32', '2001:0DB8:ffff::1')).toBe(true);
    expect(ipMatches('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(ipMatches('::/0', '::1')).toBe(true);
    expect(ipMatches('::ffff:10.0.0.0/120', '::ffff:10.0.0.9')).toBe(true);
  });

  it('never mixes IPv4 and IPv6', () => {
    expect(ipMatches('0.0.0.0/0', '::1')).toBe(false);
    expect(ipMatches('::/0', '127.0.0.1')).toBe(false);
  });

  it('does not match strings that are not addresses, or non-strings', () => {
    expect(ipMatches('10.0.0.0/8', 'AWS Internal')).toBe(false);
    expect(ipMatches('10.0.0.0/8', '10.0.0')).toBe(false);
    expect(ipMatches('10.0.0.0/8', '10.0.0.256')).toBe(false);
    expect(ipMatches('10.0.0.0/8', 10)).toBe(false);
    expect(ipMatches('::/0', '1::2::3')).toBe(false);
  });
});
