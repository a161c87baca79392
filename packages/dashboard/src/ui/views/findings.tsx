import { useMemo, useState } from 'preact/hooks';
import { query } from '../api.js';
import { Badge, ErrorNote, Loading, time } from '../components.js';
import { href } from '../route.js';
import type { Finding, Summary } from '../types.js';
import { useApi } from '../use-api.js';
import { FINDING_STATES, RECOMMENDATIONS, SEVERITIES, STATUSES } from '../vocabulary.js';

/** The API's filters (packages/api/src/schemas/findings.ts); `inUse` only where the API has it. */
const LIST_FILTERS = {
  status: STATUSES,
  state: FINDING_STATES,
  severity: SEVERITIES,
  recommendation: RECOMMENDATIONS,
};
const TEXT_FILTERS = [
  { name: 'checkId', label: 'Check id', hint: 'e.g. ecr-image-signed' },
  { name: 'accountId', label: 'Account id', hint: '12 digits' },
  { name: 'region', label: 'Region', hint: 'e.g. eu-west-1' },
] as const;
const API_FILTERS = [
  ...Object.keys(LIST_FILTERS),
  'resourceType',
  ...TEXT_FILTERS.map((f) => f.name),
  'inUse',
  'openedSince',
];
const PAGE_SIZES = ['25', '50', '100', '250'];

interface OpenApiDocument {
  paths?: Record<string, { get?: { parameters?: { name?: string }[] } }>;
}

/** Whether GET /findings takes `name` (the public /openapi.json says). */
function useFindingsParameter(name: string): boolean {
  const document = useApi<OpenApiDocument>('/openapi.json');
  return document.data?.paths?.['/findings']?.get?.parameters?.some((p) => p.name === name) ?? false;
}

function FilterForm({
  params,
  resourceTypes,
  inUse,
}: {
  params: URLSearchParams;
  resourceTypes: string[];
  inUse: boolean;
}) {
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const values: Record<string, string> = {};
    for (const name of Object.keys(LIST_FILTERS)) values[name] = form.getAll(name).join(',');
    for (const name of ['resourceType', 'inUse', 'checkId', 'accountId', 'region', 'openedSince', 'limit']) {
      values[name] = String(form.get(name) ?? '').trim();
    }
    location.hash = href('/findings', values);
  };
  const chosen = (name: string) => new Set((params.get(name) ?? '').split(',').filter(Boolean));
  return (
    <form class="filters" aria-label="Filter findings" onSubmit={submit}>
      {Object.entries(LIST_FILTERS).map(([name, values]) => (
        <fieldset key={name}>
          <legend>{name}</legend>
          {values.map((value) => (
            <label key={value} class="check">
              <input type="checkbox" name={name} value={value} defaultChecked={chosen(name).has(value)} />{' '}
              {value}
            </label>
          ))}
        </fieldset>
      ))}
      <div class="fields">
        <label>
          Resource type
          <select name="resourceType" defaultValue={params.get('resourceType') ?? ''}>
            <option value="">any</option>
            {resourceTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        {TEXT_FILTERS.map((filter) => (
          <label key={filter.name}>
            {filter.label}
            <input
              name={filter.name}
              placeholder={filter.hint}
              defaultValue={params.get(filter.name) ?? ''}
            />
          </label>
        ))}
        {inUse ? (
          <label>
            In use
            <select name="inUse" defaultValue={params.get('inUse') ?? ''}>
              <option value="">any</option>
              <option value="true">running</option>
              <option value="false">not running</option>
            </select>
          </label>
        ) : null}
        <label>
          Opened since
          <input type="date" name="openedSince" defaultValue={params.get('openedSince') ?? ''} />
        </label>
        <label>
          Per page
          <select name="limit" defaultValue={params.get('limit') ?? '50'}>
            {PAGE_SIZES.map((size) => (
              <option key={size}>{size}</option>
            ))}
          </select>
        </label>
      </div>
      <div class="actions">
        <button type="submit">Apply filters</button> <a href="#/findings">Clear</a>
      </div>
    </form>
  );
}

function FindingsTable({ findings, caption }: { findings: Finding[]; caption: string }) {
  return (
    <table class="findings" data-testid="findings-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Finding</th>
          <th scope="col">Resource</th>
          <th scope="col">Status</th>
          <th scope="col">State</th>
          <th scope="col">Account / region</th>
          <th scope="col">Opened</th>
          <th scope="col">Last changed</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((finding) => (
          <tr key={finding.id}>
            <td>
              <Badge kind="severity" value={finding.severity} />
            </td>
            <td>
              <a href={href(`/findings/${finding.id}`)}>{finding.title}</a>
              <div class="muted">{finding.checkId}</div>
            </td>
            <td class="resource">
              <span>{finding.resourceName}</span>
              <div class="muted">{finding.resourceType}</div>
            </td>
            <td>
              <Badge kind="status" value={finding.status} />
            </td>
            <td>
              <Badge kind="state" value={finding.state} />
            </td>
            <td>
              {finding.accountId}
              <div class="muted">{finding.region}</div>
            </td>
            <td>{finding.openedAt ? time(finding.openedAt) : '—'}</td>
            <td>{time(finding.lastChangedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Findings: every API filter, "opened since" a date among them (`openedSince`), one page at a
 * time with the API's cursor (never all of them), a link per row.
 */
export function FindingsView({ params }: { params: URLSearchParams }) {
  const summary = useApi<Summary>('/summary');
  const inUse = useFindingsParameter('inUse');
  const filters = useMemo(() => {
    const values: Record<string, string> = {};
    for (const name of API_FILTERS) {
      const value = params.get(name);
      if (value && (name !== 'inUse' || inUse)) values[name] = value;
    }
    return values;
  }, [params.toString(), inUse]);
  const limit = PAGE_SIZES.includes(params.get('limit') ?? '') ? (params.get('limit') as string) : '50';
  const filterKey = query({ ...filters, limit });
  // The cursors of the pages before this one (Previous), and this page's.
  const [pages, setPages] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: filterKey,
    cursors: [undefined],
  });
  const cursors = pages.key === filterKey ? pages.cursors : [undefined];
  const cursor = cursors.at(-1);
  const page = useApi<{ findings: Finding[]; cursor?: string }>(
    `/findings${query({ ...filters, limit, cursor })}`,
  );
  const number = cursors.length;
  const shown = page.data?.findings ?? [];
  const from = (number - 1) * Number(limit);
  const resourceTypes = Object.keys(summary.data?.byResourceType ?? {});
  return (
    <>
      <h1>Findings</h1>
      <FilterForm key={params.toString()} params={params} resourceTypes={resourceTypes} inUse={inUse} />
      {summary.data ? (
        <p class="muted">
          In all: {summary.data.total} findings,{' '}
          {summary.data.overall.failed - summary.data.overall.suppressed} open failures,{' '}
          {summary.data.overall.suppressed} suppressed.
        </p>
      ) : null}
      {page.error ? <ErrorNote error={page.error} retry={page.reload} /> : null}
      {page.loading ? <Loading what="findings" /> : null}
      {page.data ? (
        <>
          <p aria-live="polite" data-testid="findings-count">
            Page {number}:{' '}
            {shown.length === 0 ? 'no findings' : `findings ${from + 1}–${from + shown.length}`}
            {filters.openedSince ? ` opened since ${filters.openedSince}` : ''}
            {page.data.cursor ? ', more on the next page' : ''}
          </p>
          <FindingsTable findings={shown} caption={`Findings, page ${number}`} />
          <div class="pager">
            <button
              type="button"
              disabled={number === 1}
              onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}
            >
              Previous page
            </button>
            <button
              type="button"
              disabled={!page.data.cursor}
              onClick={() => setPages({ key: filterKey, cursors: [...cursors, page.data?.cursor] })}
            >
              Next page
            </button>
          </div>
        </>
      ) : null}
    </>
  );
}
