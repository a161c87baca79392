import { checksCommand } from './checks-command.js';
import type { Command } from './command.js';
import { replayCommand } from './replay-command.js';
import { scanCommand } from './scan-command.js';

/** Every `customs` subcommand, in the order `customs help` lists them. */
export const COMMANDS: Command[] = [scanCommand, replayCommand, checksCommand];
