import type { ParseArgsConfig } from 'node:util';

/** Where a command writes: its output, and warnings or progress for the user. */
export interface CommandIo {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** One `customs` subcommand: its options (node:util parseArgs) and what it does. */
export interface Command {
  name: string;
  /** One line of usage, e.g. `customs checks [--format table|json]`. */
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Accepts positional arguments (e.g. `replay FILE`). */
  positionals?: boolean;
  /** Resolves when done: to the exit status when it is not 0 (replay: 1 when an event failed internally). */
  // biome-ignore lint/suspicious/noExplicitAny: each command narrows the parsed values itself
  run(values: any, positionals: string[], io: CommandIo): Promise<number | undefined>;
}
