// The desk is built into the Python package's static folder and served by `frontdesk serve` itself.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const server = process.env.FRONTDESK_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // Assets live under /_desk/, a prefix no Rocket.Chat path uses (/api, /livechat, /websocket, /sockjs, /avatar).
  base: '/_desk/',
  build: {
    outDir: fileURLToPath(new URL('../src/frontdesk/static/desk', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: {
      '/api': server,
      '/avatar': server,
      '/file-upload': server,
      '/websocket': { target: server.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
