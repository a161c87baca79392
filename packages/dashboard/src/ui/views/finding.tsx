import { useState } from 'preact/hooks';
import { Badge, CopyBlock, ErrorNote, Loading, Section, time } from '../components.js';
import { href } from '../route.js';
import type { Finding, HistoryEntry } from '../types.js';
import { useApi, useApiClient } from '../use-api.js';

/** An http(s) link only: a URL from the API is never a `javascript:` one. */
const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

function Remediation({ finding }: { finding: Finding }) {
  const remediation = finding.remediation;
  if (!remediation) return <p>This check is no longer in the catalog: no remediation is known.</p>;
  const url = safeUrl(remediation.url);
  return (
    <>
      <p>{remediation.text}</p>
      <CopyBlock label="AWS CLI remediation" text={remediation.cli} />
      <CopyBlock label={`${remediation.iac.format} remediation`} text={remediation.iac.snippet} />
      {url ? (
        <p>
          <a href={url} rel="noopener noreferrer" target="_blank">
            AWS documentation
          </a>
        </p>
      ) : null}
    </>
  );
}

function OtherFindings({ finding }: { finding: Finding }) {
  const others = useApi<{ findings: Finding[] }>(
    `/resources/${encodeURIComponent(finding.resourceId)}/findings`,
  );
  if (others.error) return <ErrorNote error={others.error} retry={others.reload} />;
  if (!others.data) return <Loading what="the resource's findings" />;
  const rest = others.data.findings.filter((each) => each.id !== finding.id);
  if (rest.length === 0) return <p>No other finding on this resource.</p>;
  return (
    <ul class="plain">
      {rest.map((each) => (
        <li key={each.id}>
          <Badge kind="severity" value={each.severity} /> <Badge kind="state" value={each.state} />{' '}
          <a href={href(`/findings/${each.id}`)}>{each.title}</a>
        </li>
      ))}
    </ul>
  );
}

function History({ id }: { id: string }) {
  const api = useApiClient();
  const first = useApi<{ history: HistoryEntry[]; cursor?: string }>(`/findings/${id}/history?limit=50`);
  const [more, setMore] = useState<{ history: HistoryEntry[]; cursor?: string }>({ history: [] });
  const [error, setError] = useState<Error>();
  if (first.error) return <ErrorNote error={first.error} retry={first.reload} />;
  if (!first.data) return <Loading what="the history" />;
  const entries = [...first.data.history, ...more.history];
  const cursor = more.cursor ?? (more.history.length === 0 ? first.data.cursor : undefined);
  const loadMore = () =>
    api
      .get<{ history: HistoryEntry[]; cursor?: string }>(
        `/findings/${id}/history?limit=50&cursor=${encodeURIComponent(cursor ?? '')}`,
      )
      .then(
        (page) =>
          setMore({
            history: [...more.history, ...page.history],
            ...(page.cursor ? { cursor: page.cursor } : {}),
          }),
        setError,
      );
  return (
    <>
      <ol class="timeline" data-testid="history">
        {entries.map((entry) => (
          <li key={entry.version}>
            <strong>{entry.transition}</strong> {entry.previousState ? `${entry.previousState} → ` : ''}
            {entry.state} <span class="muted">({entry.status})</span> —{' '}
            {time(entry.changedAt ?? entry.evaluatedAt)}
            {entry.actor ? <div>by {entry.actor}</div> : null}
            {entry.reason ? <div>reason: {entry.reason}</div> : null}
            <div class="muted">{entry.message}</div>
          </li>
        ))}
      </ol>
      {error ? <ErrorNote error={error} /> : null}
      {cursor ? (
        <button type="button" onClick={loadMore}>
          Older changes
        </button>
      ) : null}
    </>
  );
}

/** A finding: message, rationale, remediation with copy buttons, the resource's findings, history. */
export function FindingView({ id }: { id: string }) {
  const loaded = useApi<{ finding: Finding }>(`/findings/${encodeURIComponent(id)}`);
  if (loaded.error) return <ErrorNote error={loaded.error} retry={loaded.reload} />;
  if (!loaded.data) return <Loading what="the finding" />;
  const finding = loaded.data.finding;
  return (
    <>
      <h1>{finding.title}</h1>
      <p class="badges">
        <Badge kind="severity" value={finding.severity} /> <Badge kind="status" value={finding.status} />{' '}
        <Badge kind="state" value={finding.state} /> <span class="muted">{finding.recommendation}</span>{' '}
        <code>{finding.checkId}</code>
      </p>
      <p class="message" data-testid="message">
        {finding.message}
      </p>
      {finding.state === 'SUPPRESSED' ? (
        <p>
          Suppressed until {time(finding.suppressedUntil)} (<a href="#/suppressions">suppressions</a>).
        </p>
      ) : finding.status === 'FAIL' ? (
        <p>
          <a href={href('/suppressions', { checkId: finding.checkId, resourcePattern: finding.resourceId })}>
            Suppress this finding…
          </a>
        </p>
      ) : null}
      <Section title="Resource">
        <dl class="facts">
          <dt>Name</dt>
          <dd data-testid="resource-name">{finding.resourceName}</dd>
          <dt>Id</dt>
          <dd>
            <code>{finding.resourceId}</code>
          </dd>
          <dt>Type</dt>
          <dd>{finding.resourceType}</dd>
          <dt>Account / region</dt>
          <dd>
            {finding.accountId} / {finding.region}
          </dd>
          <dt>First seen</dt>
          <dd>{time(finding.firstSeenAt)}</dd>
          <dt>Last evaluated</dt>
          <dd>{time(finding.evaluatedAt)}</dd>
        </dl>
      </Section>
      <Section title="Why it matters">
        <p>{finding.rationale ?? 'No rationale: the check is no longer in the catalog.'}</p>
      </Section>
      <Section title="Remediation">
        <Remediation finding={finding} />
      </Section>
      <Section title="Other findings of the resource">
        <OtherFindings finding={finding} />
      </Section>
      <Section title="History">
        <History id={finding.id} />
      </Section>
    </>
  );
}
