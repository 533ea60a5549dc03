/** Where the benchmark material lives: ../shared beside the repo (override with OTKLIK_SHARED_DIR). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DIR = path.resolve(process.env.OTKLIK_SHARED_DIR ?? path.join(REPO_ROOT, '../shared'));
export const sharedFile = (rel: string): string => path.join(SHARED_DIR, rel);
export const hasSharedFile = (rel: string): boolean => existsSync(sharedFile(rel));

/** True when the module at `metaUrl` is the script node was started with (run alone, not imported). */
export const isEntry = (metaUrl: string): boolean =>
  process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === metaUrl;
