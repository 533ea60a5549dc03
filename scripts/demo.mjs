#!/usr/bin/env node
// `npm run demo` on a fresh clone: set up (npm dependencies, Debian's Chromium), then the demo itself (demo.ts).
import { spawnSync } from 'node:child_process';
import { checkNode, ensureChromium, ensureDependencies, root, stop } from './setup.mjs';

checkNode();
ensureDependencies();
if (!ensureChromium()) stop('The demo needs Chromium (see the line above).');
const r = spawnSync('npx', ['tsx', 'scripts/demo.ts'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
