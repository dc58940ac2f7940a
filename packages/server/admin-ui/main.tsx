import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { type Actor, api } from './api.js';
import { Dashboard } from './dashboard.js';
import { Login } from './login.js';

/** Signed in (session cookie) → dashboard; otherwise the login form. */
function App() {
  const [actor, setActor] = useState<Actor | null | undefined>(undefined);
  useEffect(() => {
    api.me().then(
      (me) => setActor(me.actor),
      () => setActor(null),
    );
  }, []);
  const logout = useCallback(() => setActor(null), []);
  if (actor === undefined) return <p class="loading">Loading…</p>;
  return actor ? <Dashboard actor={actor} onLogout={logout} /> : <Login onLogin={setActor} />;
}

const root = document.getElementById('app');
if (root) render(<App />, root);
