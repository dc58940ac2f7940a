import { useState } from 'preact/hooks';
import { type Actor, AdminApiError, api } from './api.js';

/** Secret API key (sk_...) or an admin user's token. Sent once; the session lives in a cookie. */
export function Login({ onLogin }: { onLogin: (actor: Actor) => void }) {
  const [credential, setCredential] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      onLogin((await api.login(credential)).actor);
    } catch (e) {
      setError(e instanceof AdminApiError && e.status === 404 ? 'Not found' : String((e as Error).message));
    }
  };
  return (
    <form class="login" onSubmit={submit}>
      <h1>Alfie operations</h1>
      <label for="credential">Secret API key or admin token</label>
      <input
        id="credential"
        type="password"
        autocomplete="off"
        value={credential}
        onInput={(e) => setCredential((e.target as HTMLInputElement).value)}
      />
      <button type="submit" disabled={!credential}>
        Sign in
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
