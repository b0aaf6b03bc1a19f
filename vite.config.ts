import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app lives in src/web and is built into dist/web, which the server serves as static files.
 * Leaflet (and its CSS) is imported only by the lazily loaded centres route (src/web/app/router.tsx), so the
 * default code splitting keeps it in that route's chunk; nothing else imports it.
 */
export default defineConfig({
  root: fromRoot('./src/web'),
  publicDir: fromRoot('./src/web/public'),
  plugins: [react()],
  build: {
    outDir: fromRoot('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // API calls go to the server; the web app's own modules under src/web/api/ (e.g. /api/client.ts)
      // share the /api prefix and must not be proxied.
      '^/api/(?![^?]*\\.tsx?(?:\\?|$))': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
