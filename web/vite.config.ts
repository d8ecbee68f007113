// Builds the customer and staff web app into web/dist. `npm start` builds it when stale (build-if-stale.ts).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The server's CSP allows images from self and data: only; no inlined scripts are emitted.
    assetsInlineLimit: 2048,
    reportCompressedSize: false,
    rolldownOptions: {
      // React in a chunk of its own: cached across releases of the app's code.
      output: {
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  server: {
    // `vite --config web/vite.config.ts` for hot reloading against a running `npm start`.
    proxy: { '/api': 'http://127.0.0.1:8080', '/media': 'http://127.0.0.1:8080' },
  },
});
