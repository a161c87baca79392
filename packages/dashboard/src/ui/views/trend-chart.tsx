import { trendLabel } from '../trend-label.js';
import type { PostureDay } from '../types.js';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` → days since the epoch (UTC). */
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/**
 * The overall score (passed ÷ evaluated) per day over the last `days` days, as an SVG line with a
 * point per recorded day (missing days are gaps in x, not zeros), and the same data as a table.
 */
export function TrendChart({ history, days, today }: { history: PostureDay[]; days: number; today: string }) {
  const last = dayNumber(today);
  const first = last - days + 1;
  const scored = history.filter((day) => day.overall.score !== null && dayNumber(day.date) >= first);
  const x = (date: string) =>
    PAD.left + ((dayNumber(date) - first) / Math.max(1, days - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (score: number) => PAD.top + (1 - score / 100) * (HEIGHT - PAD.top - PAD.bottom);
  const points = scored.map((day) => `${x(day.date).toFixed(1)},${y(day.overall.score ?? 0).toFixed(1)}`);
  const label = trendLabel(
    scored.map((day) => ({ date: day.date, score: day.overall.score })),
    days,
  );
  return (
    <figure class="trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={label}
        data-testid="trend-chart"
        data-points={scored.length}
      >
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick} class="grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
              {tick}%
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 8} class="axis">
          {new Date(first * DAY_MS).toISOString().slice(0, 10)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} text-anchor="end" class="axis">
          {today}
        </text>
        {points.length > 1 ? <polyline class="line" points={points.join(' ')} /> : null}
        {scored.map((day) => (
          <circle key={day.date} class="point" cx={x(day.date)} cy={y(day.overall.score ?? 0)} r={4}>
            <title>{`${day.date}: ${day.overall.score}% (${day.overall.passed} of ${day.overall.evaluated})`}</title>
          </circle>
        ))}
      </svg>
      <figcaption>{label}</figcaption>
      <details>
        <summary>The days as a table</summary>
        <table>
          <caption>Daily posture</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Score</th>
              <th scope="col">Passed / evaluated</th>
              <th scope="col">Open failures</th>
            </tr>
          </thead>
          <tbody>
            {history.map((day) => (
              <tr key={day.date}>
                <td>{day.date}</td>
                <td>{day.overall.score === null ? '—' : `${day.overall.score}%`}</td>
                <td>
                  {day.overall.passed} / {day.overall.evaluated}
                </td>
                <td>{day.overall.failed - day.overall.suppressed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
