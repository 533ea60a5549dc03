/**
 * Apply-queue overhead: what the queue itself costs per job, apart from hh.
 *   - enqueue: enqueueMany of N vacancies (one transaction);
 *   - claim + commit per job: the two IndexedDB transactions around each application, timed separately;
 *   - drain throughput: drainUntilWait with pacing off and an instant fake apply client.
 * Runs on fake-indexeddb in Node (an in-memory IndexedDB in JS) — Chromium's real IndexedDB (LevelDB
 * on disk) has a different cost profile, so read these as the queue's algorithmic overhead, not as browser
 * numbers. The chaos e2e test shows the end-to-end rate in Chromium.
 *   npx tsx test/bench/queue.ts        (also part of `npm run bench`)
 */
import 'fake-indexeddb/auto';
import { OtklikDb } from '../../lib/worker/db/db';
import { enqueueMany } from '../../lib/worker/queue/enqueue';
import type { ApplyClient } from '../../lib/core/hh/apply-client';
import {
  claimNext,
  commitOutcome,
  DEFAULT_QUEUE_CONFIG,
  drainUntilWait,
  type QueueConfig,
} from '../../lib/worker/queue';
import { isEntry } from './shared';

const HASH = 'c'.repeat(38);
const items = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    vacancy: {
      id: String(100_000 + from + i),
      title: `Vacancy ${i}`,
      employer: { id: String(i % 97), name: `Employer ${i % 97}` },
      url: `https://hh.ru/vacancy/${100_000 + from + i}`,
    },
    resumeHash: HASH,
  }));

const instant: ApplyClient = { apply: async (req) => ({ kind: 'applied', status: 200, topicId: req.vacancyId }) };

/** Pacing off, cap out of the way (the bench measures the queue, not the guard rails' waiting). */
const config: QueueConfig = {
  ...DEFAULT_QUEUE_CONFIG,
  pacingMs: { min: 0, max: 0 },
  dailyCap: 200,
  blacklist: Array.from({ length: 200 }, (_, i) => ({ name: `Blocked ${i}` })),
};

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

export interface QueueBench {
  enqueuePerJobMs: number;
  claimMedianMs: number;
  claimP95Ms: number;
  commitMedianMs: number;
  commitP95Ms: number;
  drainJobsPerSec: number;
  jobs: number;
}

export async function main(n = 200): Promise<QueueBench> {
  let t = Date.UTC(2026, 10, 1);
  const now = () => (t += 1);
  // 1. enqueue + per-job claim/commit, each timed.
  const db = new OtklikDb(`otklik-bench-${Date.now()}`);
  const e0 = performance.now();
  await enqueueMany(db, items(n), now());
  const enqueueMs = performance.now() - e0;
  const claims: number[] = [];
  const commits: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = performance.now();
    const c = await claimNext(db, { now: now(), owner: 'bench', random: Math.random, config });
    claims.push(performance.now() - c0);
    if (c.kind !== 'claimed') throw new Error(`bench: expected a claim, got ${c.kind}`);
    const k0 = performance.now();
    await commitOutcome(
      db,
      c.job.id,
      { kind: 'applied', status: 200, topicId: '1' },
      { now: now(), owner: 'bench', random: Math.random, config },
    );
    commits.push(performance.now() - k0);
  }
  await db.delete();

  // 2. drain throughput (claim → instant apply → commit, looped by drainUntilWait).
  const db2 = new OtklikDb(`otklik-bench-drain-${Date.now()}`);
  await enqueueMany(db2, items(n, n), now());
  const d0 = performance.now();
  const sum = await drainUntilWait({ db: db2, client: instant, now, random: Math.random, owner: 'bench' }, config, {
    maxJobs: n + 1,
    maxMs: 600_000,
  });
  const drainMs = performance.now() - d0;
  const worked = sum.steps.filter((s) => s.kind === 'worked').length;
  await db2.delete();

  const out: QueueBench = {
    jobs: n,
    enqueuePerJobMs: enqueueMs / n,
    claimMedianMs: pct(claims, 50),
    claimP95Ms: pct(claims, 95),
    commitMedianMs: pct(commits, 50),
    commitP95Ms: pct(commits, 95),
    drainJobsPerSec: (worked / drainMs) * 1000,
  };
  console.log(
    `  fake-indexeddb in Node ${process.version}; ${n} jobs, 200-entry blacklist, cap ${config.dailyCap} (all used by the end: worst case for the window count)`,
  );
  console.log(`  enqueue (enqueueMany, one transaction): ${fmt(out.enqueuePerJobMs)} per job`);
  console.log(`  claim transaction:  median ${fmt(out.claimMedianMs)}, p95 ${fmt(out.claimP95Ms)}`);
  console.log(`  commit transaction: median ${fmt(out.commitMedianMs)}, p95 ${fmt(out.commitP95Ms)}`);
  console.log(
    `  drain, pacing off, instant apply client: ${worked} jobs in ${drainMs.toFixed(0)} ms = ${out.drainJobsPerSec.toFixed(0)} jobs/s (stopped: ${sum.stop.kind})`,
  );
  return out;
}

if (isEntry(import.meta.url)) void main();
