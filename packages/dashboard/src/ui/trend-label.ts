/** One scored day of the trend: its date and score. */
interface ScoredDay {
  date: string;
  score: number | null;
}

/**
 * The trend's text summary: its first and last scored day, or the one day when there is one.
 * @example trendLabel([{ date: '2026-12-01', score: 67.8 }], 30) // 'Posture score over the last 30 days: 67.8% on 2026-12-01'
 */
export function trendLabel(scored: readonly ScoredDay[], days: number): string {
  const first = scored[0];
  const last = scored.at(-1);
  if (first === undefined || last === undefined) return `No scored day in the last ${days} days`;
  const head = `Posture score over the last ${days} days: ${first.score}% on ${first.date}`;
  return first === last ? head : `${head}, ${last.score}% on ${last.date}`;
}
