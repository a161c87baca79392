import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';

/**
 * The ASFF reference's limits (AwsSecurityFinding and its parts, Security Hub API reference): what
 * BatchImportFindings refuses a finding for.
 */
export const ASFF_LIMITS = {
  id: 512,
  generatorId: 512,
  title: 256,
  description: 1024,
  recommendationText: 512,
  resourceId: 512,
  resources: 32,
  types: 50,
  relatedRequirements: 32,
  productFields: 50,
  productFieldKey: 128,
  productFieldValue: 2048,
  otherValue: 1024,
  /** "The maximum allowed size for a finding is 240 Kb." */
  bytes: 240 * 1024,
} as const;

/** The namespaces of the ASFF types taxonomy (`namespace/category/classifier`). */
export const ASFF_TYPE_NAMESPACES = [
  'Software and Configuration Checks',
  'TTPs',
  'Effects',
  'Unusual Behaviors',
  'Sensitive Data Identifications',
] as const;

const SEVERITY_LABELS = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);
const COMPLIANCE_STATUSES = new Set(['PASSED', 'WARNING', 'FAILED', 'NOT_AVAILABLE']);
const WORKFLOW_STATUSES = new Set(['NEW', 'NOTIFIED', 'RESOLVED', 'SUPPRESSED']);
const RECORD_STATES = new Set(['ACTIVE', 'ARCHIVED']);
/**
 * The timestamp formats Security Hub accepts (API reference, "Timestamps"): RFC 3339 with `Z` or an
 * offset, at most 9 fractional digits. No alternative overlaps another, so it cannot backtrack.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

const present = (value: string | undefined) => value !== undefined && value.trim() !== '';

function checkLength(problems: string[], name: string, value: string | undefined, max: number): void {
  if (!present(value)) problems.push(`${name} is required and may not be blank`);
  else if ((value as string).length > max)
    problems.push(`${name} is ${(value as string).length} characters (at most ${max})`);
}

/**
 * What BatchImportFindings would refuse in a document, by the ASFF reference's rules: required
 * fields, lengths and counts, the types taxonomy, severity labels, statuses and timestamp formats,
 * the 240 KB size. Empty when the document is valid. The Security Hub target never sends a
 * document this finds wrong; the tests hold the mapping to it.
 * @example asffProblems(asffFinding(finding, options)) // []
 */
export function asffProblems(document: AwsSecurityFinding): string[] {
  const problems: string[] = [];
  if (document.SchemaVersion !== '2018-10-08') problems.push('SchemaVersion must be 2018-10-08');
  checkLength(problems, 'Id', document.Id, ASFF_LIMITS.id);
  checkLength(problems, 'GeneratorId', document.GeneratorId, ASFF_LIMITS.generatorId);
  checkLength(problems, 'Title', document.Title, ASFF_LIMITS.title);
  checkLength(problems, 'Description', document.Description, ASFF_LIMITS.description);
  if (!present(document.ProductArn) || !document.ProductArn?.startsWith('arn:'))
    problems.push('ProductArn must be an ARN');
  if (!/^\d{12}$/.test(document.AwsAccountId ?? '')) problems.push('AwsAccountId must be 12 digits');
  for (const name of ['CreatedAt', 'UpdatedAt', 'FirstObservedAt', 'LastObservedAt'] as const) {
    const value = document[name];
    if (value === undefined) {
      if (name === 'CreatedAt' || name === 'UpdatedAt') problems.push(`${name} is required`);
    } else if (!TIMESTAMP.test(value))
      problems.push(`${name} is not a Security Hub timestamp: ${value.slice(0, 40)}`);
  }
  const types = document.Types ?? [];
  if (types.length === 0 || types.length > ASFF_LIMITS.types)
    problems.push(`Types has ${types.length} entries (1 to ${ASFF_LIMITS.types})`);
  for (const type of types) {
    const parts = type.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) {
      problems.push(`Types entry ${type.slice(0, 80)} is not namespace/category[/classifier]`);
    } else if (!(ASFF_TYPE_NAMESPACES as readonly string[]).includes(parts[0] as string)) {
      problems.push(`Types entry ${type.slice(0, 80)} has an unknown namespace`);
    }
  }
  if (!SEVERITY_LABELS.has(document.Severity?.Label ?? ''))
    problems.push('Severity.Label must be one of INFORMATIONAL, LOW, MEDIUM, HIGH, CRITICAL');
  const resources = document.Resources ?? [];
  if (resources.length === 0 || resources.length > ASFF_LIMITS.resources)
    problems.push(`Resources has ${resources.length} entries (1 to ${ASFF_LIMITS.resources})`);
  for (const [index, resource] of resources.entries()) {
    checkLength(problems, `Resources[${index}].Type`, resource.Type, 256);
    checkLength(problems, `Resources[${index}].Id`, resource.Id, ASFF_LIMITS.resourceId);
  }
  const compliance = document.Compliance;
  if (compliance?.Status !== undefined && !COMPLIANCE_STATUSES.has(compliance.Status))
    problems.push(`Compliance.Status ${compliance.Status} is not a status`);
  if ((compliance?.RelatedRequirements?.length ?? 0) > ASFF_LIMITS.relatedRequirements)
    problems.push(`Compliance.RelatedRequirements has more than ${ASFF_LIMITS.relatedRequirements} entries`);
  if (document.Workflow?.Status !== undefined && !WORKFLOW_STATUSES.has(document.Workflow.Status))
    problems.push('Workflow.Status is not a workflow status');
  if (document.RecordState !== undefined && !RECORD_STATES.has(document.RecordState))
    problems.push('RecordState must be ACTIVE or ARCHIVED');
  const fields = Object.entries(document.ProductFields ?? {});
  if (fields.length > ASFF_LIMITS.productFields)
    problems.push(`ProductFields has ${fields.length} entries (at most ${ASFF_LIMITS.productFields})`);
  for (const [key, value] of fields) {
    if (key.length > ASFF_LIMITS.productFieldKey)
      problems.push(`ProductFields key ${key.slice(0, 40)}… is too long`);
    if (value.length > ASFF_LIMITS.productFieldValue)
      problems.push(`ProductFields ${key.slice(0, 40)} is too long`);
  }
  const bytes = Buffer.byteLength(JSON.stringify(document), 'utf8');
  if (bytes > ASFF_LIMITS.bytes)
    problems.push(`the finding is ${bytes} bytes (at most ${ASFF_LIMITS.bytes})`);
  return problems;
}
