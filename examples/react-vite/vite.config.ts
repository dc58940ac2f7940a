import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // @alfie/react is linked from the workspace: make sure it and the app share one copy of React.
  resolve: { dedupe: ['react', 'react-dom'] },
  server: { port: 5173 },
});
