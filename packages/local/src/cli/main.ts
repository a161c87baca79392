import { parseArgs } from 'node:util';
import { CatalogError, ConfigError } from '@customs/core';
import { runChecks } from './commands/checks.js';
import { runScan } from './commands/scan.js';
import { UsageError } from './errors.js';
import { USAGE } from './usage.js';

const OPTIONS = {
  snapshot: { type: 'string' },
  format: { type: 'string' },
  config: { type: 'string' },
  check: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Errors that are the user's input, not a bug: printed as one line, exit status 2. */
function isInputError(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code ?? '';
  return (
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof CatalogError ||
    error.name === 'SnapshotError' ||
    code.startsWith('ERR_PARSE_ARGS')
  );
}

async function dispatch(
  command: string | undefined,
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
) {
  const { values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
  if (values.help || command === undefined || command === 'help') {
    out.write(USAGE);
    return;
  }
  if (command === 'checks') {
    out.write(runChecks(values));
    return;
  }
  if (command === 'scan') {
    const { output, warnings } = await runScan(values);
    for (const warning of warnings) err.write(`warning: ${warning}\n`);
    out.write(output);
    return;
  }
  throw new UsageError(`unknown command ${command}; commands: scan, checks, help`);
}

/**
 * Runs the `customs` command line; resolves to the exit status.
 * @example process.exitCode = await main(['scan', '--snapshot', 'demo', '--format', 'json']);
 */
export async function main(
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [command, ...rest] = args;
  try {
    await dispatch(command, rest, out, err);
    return 0;
  } catch (error) {
    if (isInputError(error)) {
      err.write(`customs: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
