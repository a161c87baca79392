import { useEffect, useMemo, useState } from 'preact/hooks';
import { createApi, type DashboardConfig, loadConfig, tokenStore } from './api.js';
import { useRoute } from './route.js';
import { ApiContext } from './use-api.js';
import { ChecksView } from './views/checks.js';
import { FindingView } from './views/finding.js';
import { FindingsView } from './views/findings.js';
import { Login } from './views/login.js';
import { PostureView } from './views/posture.js';
import { SuppressionsView } from './views/suppressions.js';

const NAV = [
  { path: 'posture', label: 'Posture' },
  { path: 'findings', label: 'Findings' },
  { path: 'suppressions', label: 'Suppressions' },
  { path: 'checks', label: 'Checks' },
] as const;

function View({ path, params }: { path: string[]; params: URLSearchParams }) {
  const [first = 'posture', second] = path;
  if (first === 'findings' && second) return <FindingView id={second} />;
  if (first === 'findings') return <FindingsView params={params} />;
  if (first === 'suppressions') return <SuppressionsView params={params} />;
  if (first === 'checks') return <ChecksView />;
  return <PostureView params={params} />;
}

/** The dashboard: the login prompt until there is a token (token mode), then the views by hash route. */
export function App() {
  const [config, setConfig] = useState<DashboardConfig>();
  const [token, setToken] = useState(() => tokenStore.get());
  const [denied, setDenied] = useState<string>();
  const route = useRoute();
  useEffect(() => {
    void loadConfig().then(setConfig);
  }, []);
  const api = useMemo(
    () =>
      config &&
      createApi(config, (reason) => {
        setDenied(reason);
        setToken(null);
      }),
    [config],
  );
  if (!config || !api) return <p>Loading the Customs dashboard…</p>;
  if (config.auth === 'token' && !token) {
    return (
      <Login
        {...(denied ? { reason: denied } : {})}
        onToken={(value) => {
          tokenStore.set(value);
          setDenied(undefined);
          setToken(value);
        }}
      />
    );
  }
  const current = route.path[0] ?? 'posture';
  const signOut = () => {
    tokenStore.clear();
    setToken(null);
  };
  return (
    <ApiContext.Provider value={api}>
      <header class="top">
        <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
          Skip to content
        </button>
        <span class="brand">Customs</span>
        <nav aria-label="Main">
          <ul>
            {NAV.map((item) => (
              <li key={item.path}>
                <a href={`#/${item.path}`} aria-current={current === item.path ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {config.auth === 'token' ? (
          <button type="button" class="sign-out" onClick={signOut}>
            Sign out
          </button>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} key={route.path.join('/')}>
        <View path={route.path} params={route.params} />
      </main>
    </ApiContext.Provider>
  );
}
