import { safeText, withGuidance } from '@customs/core';

/** Indents every line of a (multi-line) text, escaped for the terminal. */
function indented(text: string, by = '      '): string {
  return safeText(text, { maxLength: 5000, keepNewlines: true })
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
}

/**
 * A finding as a block for `--details`: its verdict, resource and message, then its check's title,
 * why it matters and how to fix it (text, AWS CLI, IaC, documentation).
 * @example detailBlock(finding) // 'FAIL  high  ecr-image-signed  team/payments-api@sha256:…\n  …'
 */
export function detailBlock(finding: {
  status: string;
  severity: string;
  checkId: string;
  resourceName: string;
  resourceId: string;
  message: string;
  state?: string;
}): string {
  const guided = withGuidance(finding);
  const head = [finding.state, finding.status, finding.severity, finding.checkId, finding.resourceName]
    .filter(Boolean)
    .map((part) => safeText(part, { maxLength: 300 }))
    .join('  ');
  const lines = [
    head,
    `  resource: ${safeText(finding.resourceId)}`,
    `  ${safeText(finding.message, { maxLength: 1000 })}`,
  ];
  if ('title' in guided && guided.title) lines.push(`  check:    ${safeText(guided.title)}`);
  // The fix is for what is wrong: a PASS or NOT_APPLICABLE block stops at the check.
  if (finding.status !== 'FAIL' && finding.status !== 'ERROR') return lines.join('\n');
  if (guided.rationale) lines.push(`  why:      ${safeText(guided.rationale, { maxLength: 2000 })}`);
  if (guided.remediation) {
    const { text, cli, iac, url } = guided.remediation;
    lines.push(`  fix:      ${safeText(text, { maxLength: 2000 })}`);
    lines.push(`  cli:\n${indented(cli)}`);
    lines.push(`  ${iac.format}:\n${indented(iac.snippet)}`);
    if (url) lines.push(`  see:      ${safeText(url)}`);
  }
  return lines.join('\n');
}
