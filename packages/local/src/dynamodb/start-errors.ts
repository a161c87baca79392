/** One sentence, saying what to do, for each way DynamoDB Local fails to start. */
export const JAVA_MISSING =
  'java was not found: install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless) or put java on the PATH.';

/**
 * Explains a failure to launch `java` itself.
 * @example explainSpawnError(Object.assign(new Error('spawn java ENOENT'), { code: 'ENOENT' })); // JAVA_MISSING
 */
export function explainSpawnError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return JAVA_MISSING;
  if (error.code === 'EACCES')
    return 'java could not be executed (permission denied): check the Java installation on the PATH.';
  return `DynamoDB Local could not be started (${error.message}): check the Java installation on the PATH.`;
}

/**
 * Explains a DynamoDB Local that exited before it answered, from the end of its output.
 * @example explainEarlyExit(8000, 1, null, 'java.net.BindException: Address already in use');
 */
export function explainEarlyExit(
  port: number,
  code: number | null,
  signal: NodeJS.Signals | null,
  output: string,
): string {
  if (/Failed to bind|Address already in use|BindException/i.test(output)) {
    return `Port ${port} is already in use: stop what listens on it or start DynamoDB Local on another port.`;
  }
  if (/UnsupportedClassVersionError/.test(output)) {
    return 'java is too old for DynamoDB Local: install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless).';
  }
  const how =
    signal !== null ? `exited on signal ${signal}` : code !== null ? `exited with code ${code}` : 'failed';
  const lastLine = output.trim().split('\n').at(-1)?.trim();
  const detail = lastLine ? ` (${lastLine})` : '';
  return `DynamoDB Local ${how} before it answered${detail}: run java -version to check for a Java 17+ runtime.`;
}
