import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Api } from './api.js';

export const ApiContext = createContext<Api | null>(null);

export function useApiClient(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApiClient outside <ApiContext.Provider>');
  return api;
}

export interface Loaded<T> {
  data?: T;
  error?: Error;
  loading: boolean;
  reload(): void;
}

/** GET `path` (none while it is null), again when it changes or on `reload()`; the last answer wins. */
export function useApi<T>(path: string | null): Loaded<T> {
  const api = useApiClient();
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({
    loading: path !== null,
  });
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    api.get<T>(path, controller.signal).then(
      (data) => controller.signal.aborted || setState({ data, loading: false }),
      (error: Error) => controller.signal.aborted || setState({ error, loading: false }),
    );
    return () => controller.abort();
  }, [api, path, nonce]);
  return { ...state, reload: () => setNonce((n) => n + 1) };
}
