#!/usr/bin/env node
// `npm run test:e2e`: build, then the end-to-end tests only.
process.argv[2] = 'e2e';
await import('./test-all.mjs');
