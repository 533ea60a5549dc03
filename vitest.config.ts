import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'entrypoints/**/*.test.ts',
      'test/unit/**/*.test.ts',
      'test/unit/**/*.test.tsx',
    ],
    environment: 'happy-dom',
    setupFiles: ['test/setup.ts'],
    testTimeout: 20_000,
    // Starting the fake hh.ru reads the 15k-vacancy corpus: seconds on a busy 2-core machine.
    hookTimeout: 60_000,
    // The listing's styles are imported as text (`./badge.css?inline`): give tests the real text, not ''.
    css: true,
    // Real saved hh pages link hh's stylesheets and scripts: never fetch them (offline, and each failure printed
    // a stack trace).
    environmentOptions: {
      happyDOM: {
        settings: { disableCSSFileLoading: true, disableJavaScriptFileLoading: true, disableIframePageLoading: true },
      },
    },
    // Console output of passing tests is noise; a failing test still shows its own.
    silent: 'passed-only',
  },
});
