import { useState } from 'preact/hooks';
import { ApiFailure, query } from '../api.js';
import { ErrorNote, Loading, time } from '../components.js';
import { globMatches } from '../glob.js';
import { href } from '../route.js';
import type { Finding, Suppression, SuppressionChange } from '../types.js';
import { useApi, useApiClient } from '../use-api.js';

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

interface Request {
  checkId?: string;
  resourcePattern?: string;
  reason: string;
  owner: string;
  expiresAt: string;
}

/** The open findings a suppression would mute: the first page of its check's (or all) open ones, matched here. */
function Preview({ request }: { request: Request }) {
  const page = useApi<{ findings: Finding[]; cursor?: string }>(
    `/findings${query({ state: 'OPEN', checkId: request.checkId, limit: '1000' })}`,
  );
  if (page.error) return <ErrorNote error={page.error} />;
  if (!page.data) return <Loading what="the findings it would mute" />;
  const pattern = request.resourcePattern;
  const muted = page.data.findings.filter((f) => pattern === undefined || globMatches(pattern, f.resourceId));
  return (
    <div data-testid="confirm-preview">
      <p>
        {muted.length}
        {page.data.cursor ? ' or more' : ''} open findings it would mute
        {muted.length > 20 ? ' (the first 20)' : ''}:
      </p>
      <ul class="plain">
        {muted.slice(0, 20).map((finding) => (
          <li key={finding.id}>
            <a href={href(`/findings/${finding.id}`)}>{finding.title}</a> — {finding.resourceName}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CreateForm({
  params,
  maxDays,
  onCreated,
}: {
  params: URLSearchParams;
  /** The API's `maxSuppressionDays` (GET /suppressions): the furthest expiry it takes. */
  maxDays: number | undefined;
  onCreated: (outcome: SuppressionChange) => void;
}) {
  const api = useApiClient();
  const [error, setError] = useState<Error>();
  const [pending, setPending] = useState<{ request: Request; why: string }>();
  const [busy, setBusy] = useState(false);
  const send = async (request: Request, confirm: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await api.send<SuppressionChange>('POST', '/suppressions', {
        ...request,
        ...(confirm ? { confirm } : {}),
      });
      setPending(undefined);
      onCreated(outcome);
    } catch (failure) {
      const why =
        failure instanceof ApiFailure && failure.message.startsWith('confirm: ')
          ? failure.message
          : undefined;
      if (why && !confirm) setPending({ request, why: why.slice('confirm: '.length) });
      else setError(failure as Error);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const request: Request = {
      ...(text('checkId') ? { checkId: text('checkId') } : {}),
      ...(text('resourcePattern') ? { resourcePattern: text('resourcePattern') } : {}),
      reason: text('reason'),
      owner: text('owner'),
      expiresAt: `${text('expires')}T00:00:00Z`,
    };
    void send(request, false);
  };
  return (
    <form class="suppress" aria-label="Create a suppression" onSubmit={submit}>
      <div class="fields">
        <label>
          Check id
          <input
            name="checkId"
            defaultValue={params.get('checkId') ?? ''}
            placeholder="e.g. ecr-image-signed"
          />
        </label>
        <label>
          <span>
            Resource pattern (<code>*</code> matches anything)
          </span>
          <input
            name="resourcePattern"
            defaultValue={params.get('resourcePattern') ?? ''}
            placeholder="arn:aws:ecr:*"
          />
        </label>
        <label>
          Owner
          <input name="owner" required maxLength={200} />
        </label>
        <label>
          Expires (UTC{maxDays === undefined ? '' : `, at most ${maxDays} days ahead`})
          <input
            name="expires"
            type="date"
            required
            min={day(1)}
            {...(maxDays === undefined ? {} : { max: day(maxDays) })}
            defaultValue={day(Math.min(30, maxDays ?? 30))}
          />
        </label>
      </div>
      <label class="wide">
        Reason
        <textarea name="reason" required maxLength={1000} rows={2} />
      </label>
      <button type="submit" disabled={busy}>
        Suppress
      </button>
      {error ? <ErrorNote error={error} /> : null}
      {pending ? (
        <div class="confirm" role="alertdialog" aria-label="Confirm the suppression">
          <p role="alert">This suppression needs confirming: {pending.why}</p>
          <Preview request={pending.request} />
          <button type="button" disabled={busy} onClick={() => void send(pending.request, true)}>
            Suppress them all
          </button>{' '}
          <button type="button" onClick={() => setPending(undefined)}>
            Cancel
          </button>
        </div>
      ) : null}
    </form>
  );
}

function SuppressionRow({
  suppression,
  mutes,
  onDeleted,
}: {
  suppression: Suppression;
  mutes: Finding[];
  onDeleted: (o: SuppressionChange) => void;
}) {
  const api = useApiClient();
  const [error, setError] = useState<Error>();
  const remove = () =>
    api.send<SuppressionChange>('DELETE', `/suppressions/${suppression.id}`).then(onDeleted, setError);
  return (
    <tr>
      <td>{suppression.checkId ?? 'any check'}</td>
      <td>
        <code>{suppression.resourcePattern ?? 'any resource'}</code>
      </td>
      <td class="reason">{suppression.reason}</td>
      <td>{suppression.owner}</td>
      <td>
        {time(suppression.expiresAt)}
        {suppression.active ? '' : ' (expired)'}
      </td>
      <td>{suppression.createdBy}</td>
      <td class="mutes">
        {mutes.length === 0 ? 'nothing now' : `${mutes.length} finding${mutes.length === 1 ? '' : 's'}`}
        <ul class="plain">
          {mutes.slice(0, 5).map((finding) => (
            <li key={finding.id}>
              <a href={href(`/findings/${finding.id}`)}>{finding.resourceName}</a>
            </li>
          ))}
        </ul>
      </td>
      <td>
        <button
          type="button"
          onClick={remove}
          aria-label={`Delete the suppression by ${suppression.owner}: ${suppression.reason}`}
        >
          Delete
        </button>
        {error ? <ErrorNote error={error} /> : null}
      </td>
    </tr>
  );
}

/** Suppressions: the list with what each mutes, create (with the confirm flow), delete. */
export function SuppressionsView({ params }: { params: URLSearchParams }) {
  const list = useApi<{ suppressions: Suppression[]; maxSuppressionDays?: number }>('/suppressions');
  const muted = useApi<{ findings: Finding[]; cursor?: string }>('/findings?state=SUPPRESSED&limit=1000');
  const [notice, setNotice] = useState<string>();
  const changed = (what: string) => (outcome: SuppressionChange) => {
    setNotice(
      `${what}: ${outcome.changes.length} finding${outcome.changes.length === 1 ? '' : 's'} ${what === 'Created' ? 'suppressed' : 'reopened'}.`,
    );
    list.reload();
    muted.reload();
  };
  const byId = new Map<string, Finding[]>();
  for (const finding of muted.data?.findings ?? []) {
    if (finding.suppressionId)
      byId.set(finding.suppressionId, [...(byId.get(finding.suppressionId) ?? []), finding]);
  }
  return (
    <>
      <h1>Suppressions</h1>
      <p aria-live="polite" data-testid="notice">
        {notice ?? ''}
      </p>
      <section aria-labelledby="create-title">
        <h2 id="create-title">Suppress failing findings</h2>
        <CreateForm params={params} maxDays={list.data?.maxSuppressionDays} onCreated={changed('Created')} />
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">In the store</h2>
        {list.error ? <ErrorNote error={list.error} retry={list.reload} /> : null}
        {muted.error ? <ErrorNote error={muted.error} retry={muted.reload} /> : null}
        {!list.data ? <Loading what="the suppressions" /> : null}
        {list.data && list.data.suppressions.length === 0 ? <p>No suppression.</p> : null}
        {list.data && list.data.suppressions.length > 0 ? (
          <table data-testid="suppressions-table">
            <caption>
              Suppressions, soonest expiry first
              {muted.data?.cursor ? ' (mutes: the first 1000 suppressed findings)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Resource pattern</th>
                <th scope="col">Reason</th>
                <th scope="col">Owner</th>
                <th scope="col">Expires</th>
                <th scope="col">Created by</th>
                <th scope="col">Mutes</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {list.data.suppressions.map((suppression) => (
                <SuppressionRow
                  key={suppression.id}
                  suppression={suppression}
                  mutes={byId.get(suppression.id) ?? []}
                  onDeleted={changed('Deleted')}
                />
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
