import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `base: './'`: every asset URL is relative, so the built app works from any path (a sub-folder, a file
// server, `vite preview`). The app fetches its cases relative to the page for the same reason.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
