export { compileGlob, globCovers, globMatches } from './glob.js';
export { globsIntersect } from './intersect.js';
export type { GlobOptions } from './tokens.js';
export { globPatternProblem, MAX_GLOB_PATTERN_LENGTH } from './validate.js';
