import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from '../errors.js';
import { FORMATS, type Format } from '../options.js';

/** One `--output`: a file and the format written to it. */
export interface OutputFile {
  format: Format;
  path: string;
}

/** File name endings → the format written when `--output FILE` names none (longest first). */
const BY_EXTENSION: readonly [string, Format][] = [
  ['.asff.json', 'asff'],
  ['.ocsf.jsonl', 'ocsf'],
  ['.jsonl', 'ocsf'],
  ['.sarif.json', 'sarif'],
  ['.sarif', 'sarif'],
  ['.junit.xml', 'junit'],
  ['.xml', 'junit'],
  ['.json', 'json'],
  ['.csv', 'csv'],
  ['.txt', 'table'],
];

/**
 * Parses `--output` values: `FORMAT=FILE` (`sarif=out.sarif`), or `FILE` with the format taken from
 * its ending (`.sarif`/`.sarif.json` SARIF, `.xml` JUnit, `.asff.json` ASFF, `.jsonl` OCSF, `.json`,
 * `.csv`, `.txt` a table).
 * @example parseOutputs(['sarif=build/customs.sarif', 'report.xml'])
 */
export function parseOutputs(
  values: string[] | undefined,
  allowed: readonly Format[] = FORMATS,
): OutputFile[] {
  return (values ?? []).map(function parseOutput(value) {
    const equals = value.indexOf('=');
    const named = equals > 0 ? value.slice(0, equals).toLowerCase() : undefined;
    if (named !== undefined && (FORMATS as readonly string[]).includes(named)) {
      const path = value.slice(equals + 1);
      if (path === '') throw new UsageError(`--output ${value} names no file: --output ${named}=FILE`);
      return checked({ format: named as Format, path }, allowed);
    }
    const lower = value.toLowerCase();
    const match = BY_EXTENSION.find(([ending]) => lower.endsWith(ending));
    if (!match) {
      throw new UsageError(
        `--output ${value}: say the format (--output sarif=${value}) or end the name in .sarif, .xml, .asff.json, .jsonl, .json, .csv or .txt`,
      );
    }
    return checked({ format: match[1], path: value }, allowed);
  });
}

function checked(output: OutputFile, allowed: readonly Format[]): OutputFile {
  if (!allowed.includes(output.format))
    throw new UsageError(`--output ${output.path}: ${output.format} is not one of ${allowed.join(', ')}`);
  return output;
}

/**
 * Writes each output file (its folder made when missing); one that cannot be written is a
 * UsageError naming it.
 * @example await writeOutputs(outputs, (format) => render(findings, format));
 */
export async function writeOutputs(
  outputs: OutputFile[],
  render: (format: Format) => Iterable<string>,
): Promise<void> {
  for (const output of outputs) {
    try {
      await mkdir(dirname(output.path), { recursive: true });
      const file = await open(output.path, 'w');
      try {
        for (const chunk of render(output.format)) await file.write(chunk);
      } finally {
        await file.close();
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UsageError(`cannot write --output ${output.path} (${code})`, { cause: error });
    }
  }
}
