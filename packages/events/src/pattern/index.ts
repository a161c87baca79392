export { compileEventPattern } from './compile.js';
export { EventPatternError } from './errors.js';
export { matchesEventPattern } from './match.js';
export type { EventPattern } from './types.js';
export { validateEventPattern } from './validate.js';
