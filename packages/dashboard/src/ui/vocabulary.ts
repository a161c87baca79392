/**
 * The API's closed lists, as @customs/core spells them (test/vocabulary.test.ts compares them):
 * the UI bundles none of core, whose Node dependencies stay out of the browser.
 */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export const RECOMMENDATIONS = ['CSA-1', 'CSA-2', 'CSA-3', 'CSA-4', 'CSA-5'] as const;
export const STATUSES = ['PASS', 'FAIL', 'NOT_APPLICABLE', 'ERROR'] as const;
export const FINDING_STATES = [
  'OPEN',
  'SUPPRESSED',
  'RESOLVED',
  'PASSING',
  'NOT_APPLICABLE',
  'ERROR',
] as const;

export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The CSA recommendations in short, for headings (DESIGN.md words them in full). */
export const RECOMMENDATION_NAMES: Readonly<Record<Recommendation, string>> = {
  'CSA-1': 'Isolation capabilities and configuration',
  'CSA-2': 'Hosts grouped by security context',
  'CSA-3': 'Only approved, known, secure images',
  'CSA-4': 'Secure orchestration and scheduler stack',
  'CSA-5': 'Access control and strong authentication',
};
