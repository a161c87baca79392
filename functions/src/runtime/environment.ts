import { type Config, ConfigError, DEFAULT_CONFIG, parseConfigJson } from '@customs/core';

/**
 * The one place the functions read their environment (infra/functions.ts sets it); each reader
 * throws a ConfigError (kind `input`) naming the variable and what is wrong with it. The
 * notification variables (`CUSTOMS_NOTIFY_CONFIG`, `SLACK_WEBHOOK_URL`, `CUSTOMS_BUS_NAME`,
 * `CUSTOMS_API_URL`) are read by `notifyConfigFromEnv` of @customs/notify, shared with `customs start`.
 */

/**
 * A required environment variable, or a ConfigError naming it (a deployment mistake).
 * @example const tableName = requireEnv('CUSTOMS_TABLE_NAME', process.env);
 */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value?.trim())
    throw new ConfigError(
      `the environment variable ${name} is not set (the infra sets it on every function)`,
    );
  return value;
}

/**
 * The checks' configuration from `CUSTOMS_CONFIG` (JSON; the defaults when unset or blank). A value
 * that is not JSON, or not a valid configuration, is a ConfigError naming `CUSTOMS_CONFIG` and
 * what is wrong (the parser's complaint, or every wrong key).
 * @example const { maxSuppressionDays } = customsConfigFromEnv(process.env);
 */
export function customsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const text = env.CUSTOMS_CONFIG;
  return text?.trim() ? parseConfigJson(text, 'CUSTOMS_CONFIG') : DEFAULT_CONFIG;
}
