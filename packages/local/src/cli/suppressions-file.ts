import { readFile } from 'node:fs/promises';
import { confirmationNeeded, newSuppressionSchema } from '@customs/api';
import { CATALOG, type Config, type Finding, safeText } from '@customs/core';
import { resourcePatternMatches } from '@customs/store';
import { UsageError } from './errors.js';

const DAY_MS = 86_400_000;

/** One entry of a suppressions file: the fields of POST /suppressions (reason, owner, expiry required). */
export interface FileSuppression {
  checkId?: string;
  resourcePattern?: string;
  reason: string;
  owner: string;
  expiresAt: string;
  confirm?: boolean;
}

/** A finding as `scan --suppressions` reports it: SUPPRESSED with the entry that covers it. */
export type ScannedFinding = Finding & {
  state?: 'SUPPRESSED';
  suppressedBy?: { entry: number; owner: string; reason: string; expiresAt: string };
};

function entryName(index: number, entry: unknown): string {
  const fields = entry !== null && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
  const named = [fields.checkId, fields.resourcePattern].filter((each) => typeof each === 'string');
  return `entry ${index + 1}${named.length > 0 ? ` (${named.join(' on ')})` : ''}`;
}

/**
 * Reads and validates a suppressions file: a JSON array of entries, or `{"suppressions": [...]}`,
 * each validated as POST /suppressions validates a body, its `checkId` a catalog check and its
 * `expiresAt` at most `maxSuppressionDays` ahead. A wrong entry is a UsageError naming the file,
 * the entry and the field.
 * @example const entries = await readSuppressionsFile('suppressions.json', config, new Date());
 */
export async function readSuppressionsFile(
  path: string,
  config: Config,
  now: Date,
): Promise<FileSuppression[]> {
  const where = `--suppressions ${safeText(path, { maxLength: 200 })}`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${where}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${where}: not JSON`);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { suppressions?: unknown } | null)?.suppressions;
  if (!Array.isArray(list))
    throw new UsageError(`${where}: a JSON array of suppressions, or {"suppressions": [...]}`);
  return list.map(function validEntry(entry, index) {
    const name = entryName(index, entry);
    const result = newSuppressionSchema.safeParse(entry);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field =
        issue?.code === 'unrecognized_keys'
          ? `unknown field ${issue.keys.join(', ')}`
          : issue?.path.join('.');
      throw new UsageError(safeText(`${where}: ${name}: ${field}: ${issue?.message}`, { maxLength: 500 }));
    }
    const value = result.data as FileSuppression;
    if (value.checkId !== undefined && !CATALOG.has(value.checkId)) {
      throw new UsageError(
        `${where}: ${name}: checkId: no check ${value.checkId} in the catalog (customs checks)`,
      );
    }
    if (Date.parse(value.expiresAt) > now.getTime() + config.maxSuppressionDays * DAY_MS) {
      throw new UsageError(`${where}: ${name}: expiresAt: at most ${config.maxSuppressionDays} days ahead`);
    }
    return value;
  });
}

function covers(entry: FileSuppression, finding: Finding): boolean {
  if (entry.checkId !== undefined && entry.checkId !== finding.checkId) return false;
  return (
    entry.resourcePattern === undefined || resourcePatternMatches(entry.resourcePattern, finding.resourceId)
  );
}

/**
 * Marks the FAIL findings an entry in force covers as SUPPRESSED (the first covering entry is
 * named). An expired entry covers nothing and is a warning; one that covers more than
 * `maxSuppressionMatches` failures, or whose pattern is only `*`, without `"confirm": true`, is a
 * UsageError naming the entry and the count (the API's rule).
 * @example const { findings, warnings } = applySuppressions(evaluated, entries, config, new Date());
 */
export function applySuppressions(
  findings: readonly Finding[],
  entries: readonly FileSuppression[],
  config: Config,
  now: Date,
): { findings: ScannedFinding[]; warnings: string[] } {
  const warnings: string[] = [];
  const failing = findings.filter((finding) => finding.status === 'FAIL');
  const inForce = entries.flatMap(function check(entry, index) {
    const name = entryName(index, entry);
    if (Date.parse(entry.expiresAt) <= now.getTime()) {
      warnings.push(`suppressions ${name} expired at ${entry.expiresAt}: not applied`);
      return [];
    }
    const matches = failing.filter((finding) => covers(entry, finding)).length;
    const why =
      entry.confirm === true ? undefined : confirmationNeeded(entry, matches, config.maxSuppressionMatches);
    if (why !== undefined) throw new UsageError(`--suppressions: ${name}: ${why}`);
    return [{ entry, index }];
  });
  const marked = findings.map(function mark(finding): ScannedFinding {
    if (finding.status !== 'FAIL') return finding;
    const found = inForce.find(({ entry }) => covers(entry, finding));
    if (!found) return finding;
    const { owner, reason, expiresAt } = found.entry;
    return {
      ...finding,
      state: 'SUPPRESSED',
      suppressedBy: { entry: found.index + 1, owner, reason, expiresAt },
    };
  });
  return { findings: marked, warnings };
}
