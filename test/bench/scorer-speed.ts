/**
 * Scorer throughput on the ~15k real vacancies of ../shared/data, single thread: card fields only and full
 * vacancies (description + key skills). One warm-up pass, then the median of several timed passes.
 * Parsing (fromHhApi) is done once up front and not timed. Targets: cards ≥ 20 000/s, full ≥ 2 000/s.
 *   npx tsx test/bench/scorer-speed.ts
 */
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fromHhApi } from '../../lib/core/hh/api-vacancy';
import { compileProfile } from '../../lib/core/match/index';
import { type Profile, profileSchema } from '../../lib/core/match/profile';
import type { MatchVacancy } from '../../lib/core/match/vacancy';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { RoleModel, type RoleModelData } from '../../lib/core/match/role-model';
import { hasSharedFile, isEntry, REPO_ROOT, sharedFile } from './shared';

export interface SpeedResult {
  vacancies: number;
  /** with the role model */
  cardsPerSec: number;
  fullPerSec: number;
  /** words alone */
  cardsWords: number;
  fullWords: number;
  passes: number;
  model: ModelCost;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** What a listing card shows: no description, no key skills. */
function toCard(v: MatchVacancy): MatchVacancy {
  const { description: _d, keySkills: _k, ...card } = v;
  return card;
}

/** A garbage collection on demand (for the heap figure), without asking the caller to start node with --expose-gc. */
function gcNow(): () => void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) return g;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

export interface ModelCost {
  bytesOnDisk: number;
  bytesGzip: number;
  loadMs: number;
  heapBytes: number;
}

/** Load time, size and heap of the role model (what the worker pays once when it starts). */
function roleModelCost(): { model: RoleModel; cost: ModelCost } {
  const file = path.join(REPO_ROOT, 'lib/core/match/role-model.json');
  const bytesOnDisk = statSync(file).size;
  const text = readFileSync(file, 'utf8');
  const gc = gcNow();
  // Several loads, the median time; the heap it holds measured on the last one (the text itself is not counted).
  const times: number[] = [];
  let model: RoleModel | undefined;
  let heapBytes = 0;
  for (let i = 0; i < 5; i++) {
    model = undefined;
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    model = new RoleModel(JSON.parse(text) as RoleModelData);
    times.push(performance.now() - t0);
    gc();
    heapBytes = process.memoryUsage().heapUsed - heap0;
  }
  const cost = { bytesOnDisk, bytesGzip: gzipSync(text).length, loadMs: median(times), heapBytes };
  const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
  console.log(`role model (lib/core/match/role-model.json): ${model!.roles.length} roles`);
  console.log(
    `  on disk ${mb(cost.bytesOnDisk)} MB (${(cost.bytesGzip / 1024).toFixed(0)} KB gz); in memory ${mb(cost.heapBytes)} MB of heap (target ≤ 10 MB); load (parse + index) ${cost.loadMs.toFixed(0)} ms, median of 5`,
  );
  return { model: model!, cost };
}

/**
 * Vacancies per second of one core: the process's CPU time (user + system) over the timed loop, so that other load on
 * a shared machine does not count against the scorer (wall time is reported beside it). Conservative: GC helper
 * threads add CPU time too.
 */
function rate(
  profiles: Profile[],
  vs: MatchVacancy[],
  passes: number,
  roles?: RoleModel,
  cold = false,
): { cpu: number; wall: number } {
  const matchers = profiles.map((p) => compileProfile(p, { roles }));
  let sink = 0;
  const once = (i: number): { cpu: number; wall: number } => {
    const m = matchers[i % matchers.length];
    if (!m) return { cpu: 0, wall: 0 };
    // cold: every title new to the model's cache, as on a page of new vacancies
    if (cold) roles?.clearCache();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const v of vs) sink += m.score(v).score;
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { cpu: (c.user + c.system) / 1000, wall };
  };
  once(0); // warm-up: JIT and the stem cache
  const times: Array<{ cpu: number; wall: number }> = [];
  for (let i = 0; i < passes; i++) times.push(once(i));
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return {
    cpu: vs.length / (median(times.map((t) => t.cpu)) / 1000),
    wall: vs.length / (median(times.map((t) => t.wall)) / 1000),
  };
}

export function main(passes = Number(process.env.OTKLIK_SPEED_PASSES ?? 5)): SpeedResult | null {
  const data = 'data/vacancies.jsonl.gz';
  if (!hasSharedFile(data)) {
    console.log(`scorer-speed: skipped, ${sharedFile(data)} not found (../shared is not beside the repo)`);
    return null;
  }
  const full = gunzipSync(readFileSync(sharedFile(data)))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => fromHhApi(JSON.parse(l)));
  const cards = full.map(toCard);
  const personas = hasSharedFile('bench/personas.json')
    ? (JSON.parse(readFileSync(sharedFile('bench/personas.json'), 'utf8')) as unknown[]).map((p) =>
        profileSchema.parse(p),
      )
    : [
        profileSchema.parse({
          desiredTitles: ['Python-разработчик'],
          skills: ['Python', 'SQL', 'Docker'],
          experience: 'between1And3',
        }),
      ];
  const { model: roles, cost } = roleModelCost();
  // Interleaved so that a load spike on a shared machine hits both alike.
  const cardsWords = rate(personas, cards, passes);
  const cardsPerSec = rate(personas, cards, passes, roles, true);
  const fullWords = rate(personas, full, passes);
  const fullPerSec = rate(personas, full, passes, roles, true);
  const f = (x: { cpu: number; wall: number }) =>
    `${Math.round(x.cpu).toLocaleString('en-US')} (${Math.round(x.wall).toLocaleString('en-US')})`.padStart(20);
  console.log(
    `scorer speed, ${full.length} vacancies, one thread, median of ${passes} passes (personas rotate per pass); per CPU second (per wall second):`,
  );
  console.log(`  ${''.padEnd(28)}${'cards/s'.padStart(20)}${'full/s'.padStart(20)}`);
  console.log(`  ${'words only'.padEnd(28)}${f(cardsWords)}${f(fullWords)}`);
  console.log(`  ${'with the role model (cold)'.padEnd(28)}${f(cardsPerSec)}${f(fullPerSec)}`);
  console.log(`  ${'target'.padEnd(28)}${'≥ 20,000'.padStart(20)}${'≥ 2,000'.padStart(20)}`);
  console.log(`  (cold: every title new to the role model's cache in every pass, as on a page of new vacancies)`);
  return {
    vacancies: full.length,
    cardsPerSec: cardsPerSec.cpu,
    fullPerSec: fullPerSec.cpu,
    cardsWords: cardsWords.cpu,
    fullWords: fullWords.cpu,
    passes,
    model: cost,
  };
}

if (isEntry(import.meta.url)) main();
