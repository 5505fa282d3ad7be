import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the panel is served by Vite and the server answers behind its proxy, so the
// page, the API and the hub share one origin and the sign-in cookie (SameSite=Strict) goes along.
const server = process.env.SWITCHBOARD_SERVER ?? 'http://127.0.0.1:5180';

export default defineConfig({
  plugins: [react()],
  // Relative asset paths: the server may serve the panel from any folder.
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/hubs': { target: server, ws: true, changeOrigin: false },
      '/openapi': { target: server },
    },
  },
});
