/**
 * Relevance benchmark: runs ../shared/bench/run.py with card fields and with full vacancies (it calls
 * `npm run -s score` once per persona) and prints both tables as they are.
 *   npx tsx test/bench/relevance.ts
 */
import { spawnSync } from 'node:child_process';
import { hasSharedFile, isEntry, REPO_ROOT, sharedFile } from './shared';

export interface RelevanceResult {
  fields: 'card' | 'full';
  table: string;
  /** pooled numbers from the runner's last line */
  aucPooled?: number;
  aucMacro?: number;
  relevantKept?: number;
  irrelevantHidden?: number;
}

export function main(): RelevanceResult[] | null {
  const runner = 'bench/run.py';
  if (!hasSharedFile(runner)) {
    console.log(`relevance: skipped, ${sharedFile(runner)} not found (../shared is not beside the repo)`);
    return null;
  }
  const out: RelevanceResult[] = [];
  for (const fields of ['card', 'full'] as const) {
    const p = spawnSync('python3', [sharedFile(runner), '--fields', fields], { cwd: REPO_ROOT, encoding: 'utf8' });
    const table = (p.stdout ?? '').trimEnd();
    console.log(`\n## relevance, ${fields} fields\n${table}`);
    if (p.status !== 0) {
      console.error(`relevance: run.py --fields ${fields} failed (exit ${p.status}): ${(p.stderr ?? '').trim().slice(-500)}`);
      process.exitCode = 1;
    }
    const num = (k: string) => {
      const m = new RegExp(`${k}=([0-9.]+)`).exec(table);
      return m ? Number(m[1]) : undefined;
    };
    out.push({ fields, table, aucPooled: num('auc_pooled'), aucMacro: num('auc_macro'), relevantKept: num('relevant_kept'), irrelevantHidden: num('irrelevant_hidden') });
  }
  return out;
}

if (isEntry(import.meta.url)) main();
