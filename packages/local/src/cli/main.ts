import { parseArgs } from 'node:util';
import { CustomsError, type CustomsErrorKind, safeText } from '@customs/core';
import { VERSION } from '../version.js';
import type { Command, CommandIo } from './commands/command.js';
import { COMMANDS } from './commands/index.js';
import { UsageError } from './errors.js';
import { usage } from './usage.js';

/**
 * The exit status of each kind of error: 2 for what the user can fix (bad input, something not
 * found, access denied: one line on stderr), 1 for the rest (internal: printed by the bin).
 */
export const EXIT_STATUS: Readonly<Record<CustomsErrorKind, number>> = Object.freeze({
  input: 2,
  'not-found': 2,
  'access-denied': 2,
  throttled: 1,
  internal: 1,
});

/** The command line's options; a bad one is a UsageError (parseArgs' own errors carry only a code). */
function parseOptions(command: Command, argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))
      throw new UsageError((error as Error).message, { cause: error });
    throw error;
  }
}

async function dispatch(name: string | undefined, argv: string[], io: CommandIo): Promise<number> {
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out.write(usage(COMMANDS));
    return 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    io.out.write(`customs ${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const names = [...COMMANDS.map((candidate) => candidate.name), 'help'].join(', ');
    throw new UsageError(`unknown command ${name}; commands: ${names}`);
  }
  const { values, positionals } = parseOptions(command, argv);
  if (values.help) {
    io.out.write(`${command.usage}\n  ${command.summary}\n`);
    return 0;
  }
  return (await command.run(values, positionals, io)) ?? 0;
}

/**
 * Runs the `customs` command line; resolves to the exit status: 0 when it ran, 2 on bad input (one
 * line on stderr, bounded and control-escaped), 1 when a command reports an internal error (a
 * replay event that failed); a CustomsError thrown resolves to its kind's {@link EXIT_STATUS}.
 * Anything else thrown (an internal error) is a bug, for the bin to print as one.
 * @example process.exitCode = await main(['scan', '--snapshot', 'demo', '--format', 'json']);
 */
export async function main(
  args: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...rest] = args;
  try {
    return await dispatch(name, rest, { out, err });
  } catch (error) {
    if (!(error instanceof CustomsError) || error.kind === 'internal') throw error;
    err.write(`customs: ${safeText(error.message, { maxLength: 1000 })}\n`);
    return EXIT_STATUS[error.kind];
  }
}

export { describeError } from '../replay/describe.js';
export { installProcessGuards } from './process-guards.js';
