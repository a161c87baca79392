import { CustomsError } from '@customs/core';

/**
 * An event pattern that EventBridge's PutRule would reject. The message names the path inside the
 * pattern (`$.detail.state[0]`) and the problem; both are also available as properties.
 * @example
 * try { validateEventPattern({ source: 'aws.ecr' }); } catch (e) { if (e instanceof EventPatternError) console.log(e.path); }
 */
export class EventPatternError extends CustomsError {
  override name = 'EventPatternError';

  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super('input', `Invalid event pattern at ${path}: ${problem}`);
  }
}
