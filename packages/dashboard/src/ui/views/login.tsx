import { useState } from 'preact/hooks';

/** The token prompt: shown first, and again with the API's reason after a 401 or 403. */
export function Login({ reason, onToken }: { reason?: string; onToken: (token: string) => void }) {
  const [token, setToken] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const value = token.trim();
    if (value) onToken(value);
  };
  return (
    <main id="main" class="login">
      <h1>Sign in to Customs</h1>
      {reason ? (
        <p class="error" role="alert">
          <strong>Signed out:</strong> {reason}
        </p>
      ) : null}
      <form onSubmit={submit} aria-label="Sign in">
        <label for="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          required
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <p class="hint">
          <code>customs start</code> prints it (<code>token:</code>), or set <code>CUSTOMS_API_TOKEN</code>.
          It is kept for this browser tab only.
        </p>
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
