import { Badge, ErrorNote, Loading } from '../components.js';
import { href } from '../route.js';
import type { Check } from '../types.js';
import { useApi } from '../use-api.js';

/** Checks: the catalog (GET /checks) with each check's mappings to other frameworks. */
export function ChecksView() {
  const catalog = useApi<{ checks: Check[] }>('/checks');
  return (
    <>
      <h1>Checks</h1>
      {catalog.error ? <ErrorNote error={catalog.error} retry={catalog.reload} /> : null}
      {!catalog.data ? <Loading what="the catalog" /> : null}
      {catalog.data ? (
        <table data-testid="checks-table">
          <caption>{catalog.data.checks.length} checks, by CSA recommendation</caption>
          <thead>
            <tr>
              <th scope="col">Check</th>
              <th scope="col">Severity</th>
              <th scope="col">Recommendation</th>
              <th scope="col">Resource type</th>
              <th scope="col">Mappings</th>
            </tr>
          </thead>
          <tbody>
            {catalog.data.checks.map((check) => (
              <tr key={check.id}>
                <td>
                  <a href={href('/findings', { checkId: check.id })}>{check.title}</a>
                  <div class="muted">
                    <code>{check.id}</code>
                  </div>
                </td>
                <td>
                  <Badge kind="severity" value={check.severity} />
                </td>
                <td>{check.recommendation}</td>
                <td>{check.resourceType}</td>
                <td>
                  <dl class="mappings">
                    {Object.entries(check.mappings).map(([framework, ids]) => (
                      <div key={framework}>
                        <dt>{framework}</dt>
                        <dd>{ids.join(', ')}</dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
