import { stat } from 'node:fs/promises';
import { StartError } from './errors.js';

/**
 * Whether `--data DIR` holds data already: `false` when it is missing (DynamoDB Local creates it),
 * `true` when it is a folder; a StartError (exit 2) naming it when it is a file or cannot be read.
 * @example if (await dataDirExists('.customs/data')) say('reusing …');
 */
export async function dataDirExists(dir: string): Promise<boolean> {
  try {
    const found = await stat(dir);
    if (!found.isDirectory()) {
      throw new StartError(
        `--data ${dir} is a file, not a folder: give a folder (it is created when missing)`,
      );
    }
    return true;
  } catch (error) {
    if (error instanceof StartError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StartError(`--data ${dir} cannot be used: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
}

/** The line that says where the data lives and whether it outlives this run. */
export function dataLine(
  dir: string | undefined,
  reused?: { findings: number; suppressions: number },
): string {
  if (dir === undefined) {
    return 'Data: in memory, lost at Ctrl-C (token, findings, suppressions, history); --data DIR keeps them';
  }
  if (reused === undefined) return `Data: kept in ${dir} (new), across runs`;
  return `Data: reusing ${dir}: ${reused.findings} findings, ${reused.suppressions} suppressions`;
}
