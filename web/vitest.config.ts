import { defineConfig } from 'vitest/config';

// One run for both packages: `npm test` at web/ runs every test once and writes a JUnit report
// that the repository's test script counts.
export default defineConfig({
  test: {
    projects: ['client', 'panel'],
    reporters: ['default', 'junit'],
    outputFile: { junit: 'test-results/vitest.xml' },
  },
});
