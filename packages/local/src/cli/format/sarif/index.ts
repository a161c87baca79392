import { CATALOG, type Finding, type Severity, withGuidance } from '@customs/core';
import { VERSION } from '../../../version.js';
import { toSafeJson } from '../safe-json.js';

/** SARIF's result levels for a check's severity (critical and high fail a build by default). */
const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  informational: 'note',
};

/** GitHub code scanning's `security-severity` (0–10) for each severity. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  informational: '0.0',
};

/** What runs the remediation command: `kubectl` for the Kubernetes checks' manifests, else the AWS CLI. */
function cliTool(cli: string): string {
  return cli.trimStart().startsWith('kubectl') ? 'kubectl' : 'AWS CLI';
}

/** The remediation as SARIF `help`: plain text and Markdown, the CLI command and the IaC snippet. */
function help(checkId: string) {
  const check = CATALOG.get(checkId);
  if (!check) return undefined;
  const { text, cli, iac, url } = check.remediation;
  const more = url ? `\n\nSee ${url}` : '';
  const tool = cliTool(cli);
  return {
    text: `${text}\n\n${tool}:\n${cli}\n\n${iac.format}:\n${iac.snippet}${more}`,
    markdown: `${text}\n\n**${tool}**\n\n\`\`\`sh\n${cli}\n\`\`\`\n\n**${iac.format}**\n\n\`\`\`\n${iac.snippet}\n\`\`\`${url ? `\n\n[Documentation](${url})` : ''}`,
  };
}

function rule(checkId: string) {
  const check = CATALOG.get(checkId);
  if (!check) return { id: checkId };
  return {
    id: check.id,
    name: check.id
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(''),
    shortDescription: { text: check.title },
    fullDescription: { text: check.rationale },
    help: help(check.id),
    ...(check.remediation.url ? { helpUri: check.remediation.url } : {}),
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: {
      severity: check.severity,
      recommendation: check.recommendation,
      resourceType: check.resourceType,
      'security-severity': SECURITY_SEVERITY[check.severity],
      tags: ['security', check.recommendation, check.resourceType],
    },
  };
}

/**
 * Renders a scan as a SARIF 2.1.0 log: one rule per check evaluated (its remediation as `help`),
 * one result per FAIL (`kind: fail`, the level of its severity) and per ERROR (`kind: review`),
 * located by a logical location whose fully qualified name is the resource's ARN. PASS and
 * NOT_APPLICABLE verdicts are left out, as in any linter's SARIF; a SUPPRESSED stored finding
 * carries an accepted external suppression.
 * @example process.stdout.write(renderSarif(findings));
 */
export function renderSarif(findings: (Finding & { state?: string })[]): string {
  const ruleIds = [...new Set(findings.map((finding) => finding.checkId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const results = findings
    .filter((finding) => finding.status === 'FAIL' || finding.status === 'ERROR')
    .map((finding) => {
      const guided = withGuidance(finding);
      return {
        ruleId: finding.checkId,
        ruleIndex: ruleIndex.get(finding.checkId) ?? 0,
        kind: finding.status === 'FAIL' ? 'fail' : 'review',
        level: finding.status === 'FAIL' ? LEVEL[finding.severity] : 'none',
        message: { text: finding.message },
        locations: [
          {
            logicalLocations: [
              {
                fullyQualifiedName: finding.resourceId,
                name: finding.resourceName,
                kind: finding.resourceType,
              },
            ],
          },
        ],
        partialFingerprints: { customsFindingId: finding.id },
        // A stored finding muted by a suppression (customs findings): reported, marked accepted.
        ...(finding.state === 'SUPPRESSED'
          ? { suppressions: [{ kind: 'external', status: 'accepted' }] }
          : {}),
        properties: {
          severity: finding.severity,
          recommendation: finding.recommendation,
          accountId: finding.accountId,
          region: finding.region,
          evaluatedAt: finding.evaluatedAt,
          ...(guided.remediation ? { remediation: guided.remediation.text } : {}),
        },
      };
    });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Customs',
            version: VERSION,
            rules: ruleIds.map(rule),
          },
        },
        results,
      },
    ],
  };
  return `${toSafeJson(log)}\n`;
}
