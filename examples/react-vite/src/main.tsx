import { AlfieProvider } from '@alfie/react';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { ConfigForm } from './components/ConfigForm.js';
import { type AlfieConfig, readConfig, saveConfig } from './config.js';
import './styles.css';

function Root() {
  const [config, setConfig] = useState<AlfieConfig | null>(readConfig);
  const update = (next: AlfieConfig | null) => {
    saveConfig(next);
    setConfig(next);
  };
  if (!config) return <ConfigForm onSave={update} />;
  return (
    // One provider at the top: every hook below talks to this server with this token.
    <AlfieProvider baseUrl={config.url} token={config.token}>
      <App brandId={config.brandId} onDisconnect={() => update(null)} />
    </AlfieProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
