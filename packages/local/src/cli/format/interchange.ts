import type { Finding } from '@customs/core';
import { asffFinding, type ExportedFinding, ocsfFinding, PRODUCT_VERSION } from '@customs/notify';
import { toSafeJson } from './safe-json.js';

/**
 * The findings in the AWS Security Finding Format: a JSON array of `AwsSecurityFinding`s, as
 * `aws securityhub batch-import-findings --findings file://…` takes them (at most 100 a call), under
 * the account's default product (packages/notify, "Security Hub and OCSF").
 * @example process.stdout.write(renderAsff(findings));
 */
export function renderAsff(findings: readonly (Finding | ExportedFinding)[]): string {
  return `${toSafeJson(findings.map((finding) => asffFinding(finding, { productVersion: PRODUCT_VERSION })))}\n`;
}

/**
 * The findings as OCSF 1.1.0 Compliance Finding events (class 2003), one JSON object a line (JSON
 * Lines), as a Security Lake custom source or a SIEM ingests them.
 * @example process.stdout.write(renderOcsf(findings));
 */
export function renderOcsf(findings: readonly (Finding | ExportedFinding)[]): string {
  return findings
    .map((finding) => `${toSafeJson(ocsfFinding(finding, { productVersion: PRODUCT_VERSION }), 0)}\n`)
    .join('');
}
