import { ApiFailure } from '../api.js';
import { ErrorNote, Loading } from '../components.js';
import { href } from '../route.js';
import type { Posture, PostureDay, Summary } from '../types.js';
import { useApi } from '../use-api.js';
import { RECOMMENDATION_NAMES, RECOMMENDATIONS, SEVERITIES } from '../vocabulary.js';
import { AccountPicker, accountOf } from './account-picker.js';
import { TrendChart } from './trend-chart.js';

const PERIODS = [7, 30, 90] as const;

const open = (posture: Posture) => posture.failed - posture.suppressed;
const score = (posture: Posture) => (posture.score === null ? '—' : `${posture.score}%`);

function PostureRow({ name, posture, link }: { name: string; posture: Posture; link: string }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>
        {posture.passed} / {posture.evaluated}
      </td>
      <td>{score(posture)}</td>
      <td>
        <a href={link}>{open(posture)} open</a>
      </td>
      <td>{posture.suppressed}</td>
      <td>{posture.errors}</td>
    </tr>
  );
}

function PostureTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { name: string; posture: Posture; link: string }[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{caption.startsWith('By severity') ? 'Severity' : 'Recommendation'}</th>
          <th scope="col">Passed / evaluated</th>
          <th scope="col">Score</th>
          <th scope="col">Open failures</th>
          <th scope="col">Suppressed</th>
          <th scope="col">Errors</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <PostureRow key={row.name} {...row} />
        ))}
      </tbody>
    </table>
  );
}

function Trend({ days, accountId }: { days: number; accountId: string | undefined }) {
  const scope = accountId ? `&accountId=${accountId}` : '';
  const history = useApi<{ days: PostureDay[] }>(`/posture/history?days=${days}${scope}`);
  const today = new Date().toISOString().slice(0, 10);
  // Before the store keeps a daily record (or on an API without the route), there is no history.
  const missing = history.error instanceof ApiFailure && history.error.status === 404;
  return (
    <section aria-labelledby="trend-title">
      <h2 id="trend-title">Trend</h2>
      <nav class="periods" aria-label="Trend period">
        {PERIODS.map((period) => (
          <a
            key={period}
            href={href('/posture', { days: String(period), accountId })}
            aria-current={period === days ? 'true' : undefined}
          >
            {period} days
          </a>
        ))}
      </nav>
      {history.loading ? <Loading what="the trend" /> : null}
      {history.error && !missing ? <ErrorNote error={history.error} retry={history.reload} /> : null}
      {missing || history.data?.days.length === 0 ? (
        <p class="empty" data-testid="no-history">
          No history yet: the daily posture record starts with the first sweep of a day.
        </p>
      ) : null}
      {history.data && history.data.days.length > 0 ? (
        <TrendChart history={history.data.days} days={days} today={today} />
      ) : null}
    </section>
  );
}

/** Posture: overall, per CSA recommendation and severity (GET /summary), and the trend (GET /posture/history). */
export function PostureView({ params }: { params: URLSearchParams }) {
  const accountId = accountOf(params);
  const summary = useApi<Summary>(accountId ? `/summary?accountId=${accountId}` : '/summary');
  const asked = Number(params.get('days'));
  const days = (PERIODS as readonly number[]).includes(asked) ? asked : 30;
  const data = summary.data;
  return (
    <>
      <h1>Posture</h1>
      {summary.loading && !data ? <Loading what="the posture" /> : null}
      {summary.error ? <ErrorNote error={summary.error} retry={summary.reload} /> : null}
      {data ? (
        <>
          <AccountPicker accounts={data.accounts ?? []} chosen={accountId} days={days} />
          <p class="headline" data-testid="overall">
            <span class="score">{score(data.overall)}</span> passed: {data.overall.passed} of{' '}
            {data.overall.evaluated} evaluated;{' '}
            <a href={href('/findings', { state: 'OPEN', accountId })}>{open(data.overall)} open failures</a>,{' '}
            {data.overall.suppressed} suppressed, {data.overall.errors} errors ({data.total} findings)
          </p>
          <PostureTable
            caption="By CSA recommendation"
            rows={RECOMMENDATIONS.map((id) => ({
              name: `${id} ${RECOMMENDATION_NAMES[id]}`,
              posture: data.byRecommendation[id] ?? emptyPosture,
              link: href('/findings', { recommendation: id, state: 'OPEN', accountId }),
            }))}
          />
          <PostureTable
            caption="By severity"
            rows={SEVERITIES.map((severity) => ({
              name: severity,
              posture: data.bySeverity[severity] ?? emptyPosture,
              link: href('/findings', { severity, state: 'OPEN', accountId }),
            }))}
          />
        </>
      ) : null}
      <Trend days={days} accountId={accountId} />
    </>
  );
}

const emptyPosture: Posture = {
  passed: 0,
  failed: 0,
  errors: 0,
  notApplicable: 0,
  suppressed: 0,
  evaluated: 0,
  score: null,
};
