import { safeText } from '@customs/core';
import { startStack } from '../../start/index.js';
import { UsageError } from '../errors.js';
import { progressLine } from '../format/progress.js';
import type { Command } from './command.js';

function parsePort(value: string | undefined): number {
  if (value === undefined) return 4000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UsageError(`--port ${value} is not a port number (1-65535)`);
  return port;
}

/**
 * Resolves on the first SIGINT or SIGTERM, after `onStop` (which says "Stopping…"); a second one
 * ends the process at once (DynamoDB Local is killed on exit).
 */
function untilStopped(onStop: () => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      onStop();
      process.once('SIGINT', () => process.exit(130));
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export const startCommand: Command = {
  name: 'start',
  usage:
    'customs start [--port 4000] [--snapshot DIR [--snapshot DIR2]... | --aws [--region R]... [--profile P]] [--data DIR] [--config FILE] [--no-story | --story]',
  summary:
    'The whole pipeline on this machine: DynamoDB Local, the deployed rules and handlers, the fan-out and the API on 127.0.0.1; sweeps the account or accounts (by default the demo: its production and staging accounts) and plays the demo story on production. Data is in memory unless --data DIR (kept across runs; an existing DIR is reused, and the story is not replayed onto it unless --story).',
  options: {
    port: { type: 'string' },
    snapshot: { type: 'string', multiple: true },
    aws: { type: 'boolean' },
    region: { type: 'string', multiple: true },
    profile: { type: 'string' },
    data: { type: 'string' },
    config: { type: 'string' },
    'no-story': { type: 'boolean' },
    story: { type: 'boolean' },
  },
  async run(values, _positionals, { out, err }) {
    const port = parsePort(values.port);
    if (values.snapshot && values.aws) throw new UsageError('choose one account: --snapshot DIR or --aws');
    if ((values.region || values.profile) && !values.aws)
      throw new UsageError('--region and --profile go with --aws');
    // Ctrl-C at any moment, start-up included, says "Stopping…" and nothing else: what start-up
    // says or fails with afterwards (DynamoDB Local took the terminal's SIGINT too) is the stop.
    const interrupt = new AbortController();
    const quiet = () => interrupt.signal.aborted;
    const progress = progressLine(err, process.env);
    const stopped = untilStopped(() => {
      interrupt.abort(new Error('interrupted'));
      progress.clear();
      out.write('Stopping…\n');
    });
    const starting = startStack({
      signal: interrupt.signal,
      port,
      // One folder is one account; several are the accounts of one organisation (an AccountRouter).
      ...(values.snapshot?.length === 1 ? { snapshot: values.snapshot[0] } : {}),
      ...(values.snapshot?.length > 1 ? { snapshots: values.snapshot } : {}),
      ...(values.aws ? { aws: true, regions: values.region ?? [] } : {}),
      ...(values.profile ? { profile: values.profile } : {}),
      ...(values.data ? { dataDir: values.data } : {}),
      ...(values.config ? { configPath: values.config } : {}),
      story: !values['no-story'],
      forceStory: values.story === true,
      // Lines quote names and messages from the account and its events: escaped, one line each.
      say: (line) => quiet() || out.write(`${safeText(line, { maxLength: 2000 })}\n`),
      // The sweep's progress on stderr, on a terminal only (nothing in a pipe or a log).
      progress,
      warn: (line) => quiet() || err.write(`${safeText(line, { maxLength: 2000 })}\n`),
    });
    const first = await Promise.race([starting, stopped.then(() => undefined)]).catch((error: unknown) => {
      if (quiet()) return undefined;
      throw error;
    });
    if (first === undefined) {
      const stack = await starting.catch(() => undefined);
      await stack?.stop().catch(() => undefined);
      out.write('Stopped.\n');
      return;
    }
    const stack = first;
    // A token the user chose is a secret of theirs: say where it came from, never print it.
    const generated = stack.tokenSource === 'generated';
    const bearer = generated ? stack.token : '$CUSTOMS_API_TOKEN';
    out.write(
      [
        '',
        `Customs is running. API: ${stack.url}`,
        `  dashboard: ${stack.url}/   (sign in with the token)`,
        generated
          ? `  token:   ${stack.token}   (generated; set CUSTOMS_API_TOKEN to choose it)`
          : `  token:   ${stack.tokenSource === 'CUSTOMS_API_TOKEN' ? 'from CUSTOMS_API_TOKEN' : 'as given'}`,
        `  try:     curl -H "Authorization: Bearer ${bearer}" ${stack.url}/summary`,
        `           ${generated ? `CUSTOMS_API_TOKEN=${stack.token} ` : ''}npx customs findings --status FAIL --severity critical`,
        `  events:  customs replay FILE --to ${stack.url}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    await stopped;
    await stack.stop();
    out.write('Stopped: DynamoDB Local and the API are down.\n');
  },
};
