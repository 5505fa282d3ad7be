import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  // Tests read the client's source, so `npm test` needs no build first.
  resolve: {
    alias: { '@switchboard/cti': fileURLToPath(new URL('../client/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'panel',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
  },
});
