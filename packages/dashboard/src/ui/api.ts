/** How the UI reaches the API: `GET /dashboard-config.json`, a token in sessionStorage, JSON errors. */
export interface DashboardConfig {
  auth: 'token' | 'proxy';
  apiBase: string;
}

const TOKEN_KEY = 'customs.api-token';
const DEFAULT_CONFIG: DashboardConfig = { auth: 'token', apiBase: '' };

/** An answer of the API other than 2xx, with the API's own message (`{ error: { code, message } }`). */
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** A wrong, missing or expired credential. */
  get denied(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

/** The served config; token mode when it is absent or not the documented shape. */
export async function loadConfig(): Promise<DashboardConfig> {
  try {
    const response = await fetch('/dashboard-config.json', { headers: { accept: 'application/json' } });
    if (!response.ok) return DEFAULT_CONFIG;
    const body = (await response.json()) as Partial<DashboardConfig>;
    const auth = body.auth === 'proxy' ? 'proxy' : 'token';
    const apiBase =
      typeof body.apiBase === 'string' && /^(\/[\w./-]*)?$/.test(body.apiBase) ? body.apiBase : '';
    return { auth, apiBase: apiBase.replace(/\/+$/, '') };
  } catch {
    return DEFAULT_CONFIG;
  }
}

export const tokenStore = {
  get: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** What the error body says, or the HTTP status when it is not the API's shape. */
async function failureOf(response: Response): Promise<ApiFailure> {
  let code = 'http_error';
  let message = `The API answered ${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiFailure(response.status, code, message);
}

export interface Api {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/**
 * The API client: relative URLs under `apiBase`, `Authorization: Bearer` in token mode; a 401 or
 * 403 in token mode forgets the token and calls `onDenied` with the API's reason.
 * @example const api = createApi(config, (reason) => showLogin(reason)); await api.get('/summary');
 */
export function createApi(config: DashboardConfig, onDenied: (reason: string) => void): Api {
  async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = config.auth === 'token' ? tokenStore.get() : null;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${config.apiBase}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) {
      const failure = await failureOf(response);
      if (failure.denied && config.auth === 'token') {
        tokenStore.clear();
        onDenied(failure.message);
      }
      throw failure;
    }
    return (await response.json()) as T;
  }
  return {
    get: (path, signal) => call('GET', path, undefined, signal),
    send: (method, path, body) => call(method, path, body),
  };
}

/** `?a=1&b=x,y` from the given values, leaving out the empty ones. */
export function query(values: Record<string, string | string[] | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    const joined = Array.isArray(value) ? value.join(',') : value;
    if (joined) params.set(key, joined);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
