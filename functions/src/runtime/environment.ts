/** A required environment variable, or an error naming it (a deployment mistake, not an input error). */
export function requireEnv(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (!value)
    throw new Error(`the environment variable ${name} is not set (the infra sets it on every function)`);
  return value;
}
