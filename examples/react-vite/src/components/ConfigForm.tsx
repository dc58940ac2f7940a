import { type FormEvent, useState } from 'react';
import { type AlfieConfig, defaultUrl } from '../config.js';

/** First screen: paste what `alfie-server start` printed (its URL, the demo token and brand). */
export function ConfigForm({ onSave }: { onSave(config: AlfieConfig): void }) {
  const [url, setUrl] = useState(defaultUrl);
  const [token, setToken] = useState('');
  const [brandId, setBrandId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ url: url.trim().replace(/\/$/, ''), token: token.trim(), brandId: brandId.trim() });
  };
  return (
    <form className="panel config" onSubmit={submit}>
      <h1>Connect to your Alfie server</h1>
      <p>
        Run <code>npx alfie-server start</code> and paste what it prints.
      </p>
      <label>
        Server URL
        <input value={url} onChange={(e) => setUrl(e.target.value)} required />
      </label>
      <label>
        Token
        <input value={token} onChange={(e) => setToken(e.target.value)} required placeholder="eyJhbGciOi…" />
      </label>
      <label>
        Brand id
        <input value={brandId} onChange={(e) => setBrandId(e.target.value)} required />
      </label>
      <button type="submit">Connect</button>
    </form>
  );
}
