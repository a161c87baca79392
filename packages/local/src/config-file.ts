import { readFile } from 'node:fs/promises';
import { type Config, ConfigError, DEFAULT_CONFIG, parseConfigJson } from '@customs/core';

/**
 * Reads a JSON configuration file and validates it; the defaults when no path is given.
 * Errors name the file and what is wrong with it.
 * @example const config = await loadConfigFile('customs.json');
 */
export async function loadConfigFile(path: string | undefined): Promise<Config> {
  if (path === undefined) return DEFAULT_CONFIG;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read the configuration file ${path}: ${code ?? String(error)}`);
  }
  return parseConfigJson(text, path);
}
