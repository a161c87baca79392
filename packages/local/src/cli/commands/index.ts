import { checksCommand } from './checks-command.js';
import type { Command } from './command.js';
import { dashboardCommand } from './dashboard-command.js';
import { findingsCommand } from './findings-command.js';
import { iamPolicyCommand } from './iam-policy-command.js';
import { memberTemplateCommand } from './member-template-command.js';
import { recordCommand } from './record-command.js';
import { replayCommand } from './replay-command.js';
import { scanCommand } from './scan-command.js';
import { startCommand } from './start-command.js';
import { suppressCommand, suppressionsCommand, unsuppressCommand } from './suppress-commands.js';

/** Every `customs` subcommand, in the order `customs help` lists them. */
export const COMMANDS: Command[] = [
  startCommand,
  dashboardCommand,
  scanCommand,
  replayCommand,
  recordCommand,
  findingsCommand,
  suppressCommand,
  suppressionsCommand,
  unsuppressCommand,
  checksCommand,
  iamPolicyCommand,
  memberTemplateCommand,
];
