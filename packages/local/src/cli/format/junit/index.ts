import { type Finding, RECOMMENDATION_TITLES, RECOMMENDATIONS, safeText, withGuidance } from '@customs/core';

/** XML text: control characters escaped by `safeText` (XML 1.0 allows none), then the five entities. */
function xml(value: string, keepNewlines = false): string {
  let out = '';
  for (const char of safeText(value, { maxLength: 10_000, keepNewlines })) {
    if (char === '&') out += '&amp;';
    else if (char === '<') out += '&lt;';
    else if (char === '>') out += '&gt;';
    else if (char === '"') out += '&quot;';
    else if (char === "'") out += '&apos;';
    else out += char;
  }
  return out;
}

function testCase(finding: Finding): string {
  const name = `${xml(finding.checkId)} ${xml(finding.resourceName)}`;
  const open = `    <testcase classname="${xml(finding.recommendation)}.${xml(finding.checkId)}" name="${name}" file="${xml(finding.resourceId)}">`;
  if (finding.status === 'PASS') return `${open}</testcase>`;
  if (finding.status === 'NOT_APPLICABLE')
    return `${open}\n      <skipped message="${xml(finding.message)}"/>\n    </testcase>`;
  const guided = withGuidance(finding);
  const body = [
    `${finding.severity}: ${finding.message}`,
    `resource: ${finding.resourceId}`,
    ...(guided.remediation ? [`fix: ${guided.remediation.text}`, `cli: ${guided.remediation.cli}`] : []),
    ...(guided.remediation?.url ? [`see: ${guided.remediation.url}`] : []),
  ].join('\n');
  const tag = finding.status === 'FAIL' ? 'failure' : 'error';
  return `${open}\n      <${tag} message="${xml(finding.message)}" type="${xml(finding.severity)}">${xml(body, true)}</${tag}>\n    </testcase>`;
}

/**
 * Renders a scan as JUnit XML for CI systems: one test suite per CSA recommendation, one test case
 * per finding (check and resource): FAIL a `<failure>` with the remediation, ERROR an `<error>`,
 * NOT_APPLICABLE `<skipped>`, PASS an empty test case.
 * @example await writeFile('customs.xml', renderJunit(findings));
 */
export function renderJunit(findings: Finding[]): string {
  const count = (list: Finding[], status: Finding['status']) =>
    list.filter((f) => f.status === status).length;
  const suites = RECOMMENDATIONS.flatMap((recommendation) => {
    const inSuite = findings.filter((finding) => finding.recommendation === recommendation);
    if (inSuite.length === 0) return [];
    const attributes = `name="${recommendation} ${xml(RECOMMENDATION_TITLES[recommendation])}" tests="${inSuite.length}" failures="${count(inSuite, 'FAIL')}" errors="${count(inSuite, 'ERROR')}" skipped="${count(inSuite, 'NOT_APPLICABLE')}"`;
    return [`  <testsuite ${attributes}>\n${inSuite.map(testCase).join('\n')}\n  </testsuite>`];
  });
  const totals = `tests="${findings.length}" failures="${count(findings, 'FAIL')}" errors="${count(findings, 'ERROR')}" skipped="${count(findings, 'NOT_APPLICABLE')}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="customs" ${totals}>\n${suites.join('\n')}\n</testsuites>\n`;
}
