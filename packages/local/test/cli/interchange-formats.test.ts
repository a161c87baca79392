import { asffProblems, OCSF_VERSION, type OcsfComplianceFinding } from '@customs/notify';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from './run-cli.js';

/** An ASFF document, as asffProblems judges it. */
type AwsSecurityFinding = Parameters<typeof asffProblems>[0];

interface ScanJson {
  findings: { id: string; checkId: string; status: string }[];
}

describe('customs scan --format asff and --format ocsf', () => {
  it("writes one ASFF document per finding of the demo scan, each one Security Hub's rules accept", async () => {
    // Act
    const { code, stdout } = await runCli('scan', '--snapshot', DEMO, '--format', 'asff');
    const json = JSON.parse(
      (await runCli('scan', '--snapshot', DEMO, '--format', 'json')).stdout,
    ) as ScanJson;
    // Assess
    expect(code).toBe(0);
    const documents = JSON.parse(stdout) as AwsSecurityFinding[];
    expect(documents.map((document) => document.Id).sort()).toEqual(json.findings.map((f) => f.id).sort());
    for (const document of documents) expect(asffProblems(document), document.GeneratorId).toEqual([]);
    const failed = json.findings.filter((finding) => finding.status === 'FAIL').length;
    expect(documents.filter((document) => document.Compliance?.Status === 'FAILED')).toHaveLength(failed);
    expect(new Set(documents.map((document) => document.Resources?.[0]?.Type))).toContain(
      'AwsEcsTaskDefinition',
    );
  });

  it('writes a valid OCSF Compliance Finding event per finding, one a line', async () => {
    // Act
    const { code, stdout } = await runCli('scan', '--snapshot', DEMO, '--format', 'ocsf');
    const json = JSON.parse(
      (await runCli('scan', '--snapshot', DEMO, '--format', 'json')).stdout,
    ) as ScanJson;
    // Assess
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(json.findings.length);
    for (const line of lines) {
      const event = JSON.parse(line) as OcsfComplianceFinding;
      expect(event).toMatchObject({ category_uid: 2, class_uid: 2003, activity_id: 1, type_uid: 200301 });
      expect(event.metadata).toMatchObject({ version: OCSF_VERSION, product: { name: 'Customs' } });
      expect(event.finding_info.uid).toMatch(/^[0-9a-f]{32}$/);
      expect(event.finding_info.title.length).toBeGreaterThan(0);
      expect(event.compliance.standards.length).toBeGreaterThan(0);
      expect([1, 2, 3, 4, 5]).toContain(event.severity_id);
      expect(event.time).toBeGreaterThan(0);
      expect(event.cloud.provider).toBe('AWS');
    }
  });
});
