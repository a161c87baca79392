import { fileURLToPath } from 'node:url';
import { SnapshotCollector } from '@customs/aws';
import { evaluateAll, type Finding, summarize, withGuidance } from '@customs/core';
import { describe, expect, it } from 'vitest';
import { findingsJson } from '../../../src/cli/format/json-stream.js';
import { toSafeJson } from '../../../src/cli/format/safe-json.js';

const DEMO = fileURLToPath(new URL('../../../snapshots/demo/', import.meta.url));

/** The JSON report as one string, as `customs scan --format json` printed it before it streamed. */
function whole(findings: Finding[]): string {
  return `${toSafeJson({ findings: findings.map(withGuidance), summary: summarize(findings) })}\n`;
}

async function demoFindings(): Promise<Finding[]> {
  const collector = await SnapshotCollector.open(DEMO);
  const { resources } = await collector.collectAll();
  return evaluateAll(resources, { now: collector.capturedAt ?? new Date() });
}

describe('the JSON report, a finding at a time', () => {
  it("gives the demo's report byte for byte, and for no findings", async () => {
    // Prepare
    const findings = await demoFindings();
    // Act
    const chunks = [...findingsJson(findings)];
    // Assess
    expect(findings.length).toBeGreaterThan(100);
    expect(chunks.join('')).toBe(whole(findings));
    expect([...findingsJson([])].join('')).toBe(whole([]));
  });

  it('keeps hostile names escaped as before, and parses back to the same value', async () => {
    // Prepare: a name with an escape sequence, a C1 CSI, DEL, a line feed and a lone surrogate
    const [first] = await demoFindings();
    const hostile = { ...(first as Finding), resourceName: '\u001b[2J\u009b2J\u007f\nx\ud800' };
    // Act
    const text = [...findingsJson([hostile])].join('');
    // Assess
    expect(text).toBe(whole([hostile]));
    expect(text).not.toContain('\u009b');
    expect(JSON.parse(text).findings[0].resourceName).toBe(hostile.resourceName);
  });

  it('hands 20,000 findings on in chunks of about a MiB, never one string', async () => {
    // Prepare
    const demo = await demoFindings();
    const many = Array.from({ length: 20_000 }, (_, index) => {
      const finding = demo[index % demo.length] as Finding;
      return { ...finding, id: `${finding.id}#${index}` };
    });
    // Act
    const chunks = [...findingsJson(many)];
    // Assess
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(1.1 * 2 ** 20);
    expect(chunks.join('')).toBe(whole(many));
  });
});
