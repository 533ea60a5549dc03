// Set-up shared by `npm test` and `npm run demo`, so both work right after `git clone`: a supported Node, the
// npm dependencies (npm ci when node_modules is missing or differs from the lock file) and Debian's Chromium
// (installed with apt-get when we are root, otherwise one line saying what to run). Plain Node: it runs before
// node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** One progress line per phase, so a long step never looks like a hang. */
export const phase = (text) => console.log(`== ${text}`);

/** Stops with one clear line (no stack trace). */
export function stop(line) {
  console.error(line);
  process.exit(1);
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 12))
    stop(`Node.js ${process.versions.node} is too old: Otklik needs Node >= 20.12 (https://nodejs.org).`);
}

/** Whether node_modules holds what package-lock.json asks for (npm's own record of the install, by version). */
function installedAsLocked() {
  const hidden = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(hidden)) return false;
  try {
    const want = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    const have = JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {};
    // Optional packages for other platforms are never installed: they don't count.
    return Object.entries(want).every(([path, p]) => path === '' || p.optional || have[path]?.version === p.version);
  } catch {
    return false;
  }
}

export function ensureDependencies() {
  if (installedAsLocked()) return;
  phase('installing npm dependencies (npm ci)');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) stop('npm ci failed: see the lines above (the npm registry must be reachable).');
}

const CANDIDATES = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  return CANDIDATES().find((p) => p && existsSync(p)) ?? null;
}

/** Debian's Chromium: found, or installed when we may (root with apt-get), or null with the line to run printed. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    phase('installing Debian chromium (apt-get install -y chromium)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const r = spawnSync('sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium >/dev/null'], {
      stdio: 'inherit',
      env,
    });
    if (r.status === 0 && findChromium()) return findChromium();
  }
  console.error(
    'Chromium is missing: run `sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.',
  );
  return null;
}
