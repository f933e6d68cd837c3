import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { drsConsole } from './server/proxy/vite-plugin.ts';

// `npm start`: the console on http://localhost:5173, with the proxy (and, with no DRS_ENDPOINT, the embedded
// emulator) mounted as dev middleware by the drsConsole plugin.
export default defineConfig({
  plugins: [react(), drsConsole()],
  server: { port: Number(process.env.PORT ?? 5173), strictPort: true, host: 'localhost' },
  preview: { port: 4173 },
  build: { sourcemap: true, chunkSizeWarningLimit: 1200 },
});
