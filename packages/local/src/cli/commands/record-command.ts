import { resolve } from 'node:path';
import { SnapshotRecording } from '@customs/aws';
import { safeText } from '@customs/core';
import { UsageError } from '../errors.js';
import type { Command } from './command.js';
import { collectLive } from './scan-aws.js';

/**
 * `customs record --out DIR [--region R] [--profile P]`: reads the account live (one region and
 * IAM) and writes every response as the snapshot format of docs/snapshot.md, so that
 * `customs scan --snapshot DIR` gives the live scan's findings, on any later day.
 * @example await runRecord({ out: '/tmp/account', region: 'eu-west-1' }) // { files: 42, warnings: [] }
 */
export async function runRecord(options: { out?: string; region?: string; profile?: string }) {
  if (!options.out) throw new UsageError('record needs --out DIR (the snapshot folder to write)');
  const recording = new SnapshotRecording();
  const capturedAt = new Date();
  const { collector, result } = await collectLive({
    regions: options.region ? [options.region] : [],
    ...(options.profile ? { profile: options.profile } : {}),
    recorder: recording.recorder,
  });
  const dir = resolve(options.out);
  const files = await recording.write(dir, collector.scope, capturedAt);
  const denied = result.warnings.filter((warning) => warning.startsWith('AccessDenied'));
  const warnings = [
    ...result.warnings,
    ...(denied.length > 0
      ? [
          'calls that were denied have no file, and the snapshot reads a missing file as docs/snapshot.md says: most per-resource ones as absent (not-found), not as ERROR',
        ]
      : []),
  ];
  return { dir, files: files.length, scope: collector.scope, warnings };
}

export const recordCommand: Command = {
  name: 'record',
  usage: 'customs record --out DIR [--region R] [--profile P]',
  summary: 'Write a snapshot of the live account (read-only) that `customs scan --snapshot DIR` assesses.',
  options: { out: { type: 'string' }, region: { type: 'string' }, profile: { type: 'string' } },
  async run(values, _positionals, { out, err }) {
    const { dir, files, scope, warnings } = await runRecord(values);
    for (const warning of warnings) err.write(`warning: ${safeText(warning, { maxLength: 1000 })}\n`);
    out.write(`recorded ${files} files of account ${scope.accountId} (${scope.region}) to ${dir}\n`);
  },
};
