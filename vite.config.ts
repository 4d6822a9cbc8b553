import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The SPA lives in web/; `vite build` writes dist/, which the Hono server serves (server/main.ts).
// In dev, /api is proxied to the server on 8787.
export default defineConfig({
  root: 'web',
  publicDir: false,
  plugins: [react()],
  build: { outDir: '../dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:8787' } },
});
