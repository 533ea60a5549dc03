/**
 * Scorer throughput on the ~15k real vacancies of ../shared/data, single thread: card fields only and full
 * vacancies (description + key skills). One warm-up pass, then the median of several timed passes.
 * Parsing (fromHhApi) is done once up front and not timed. Targets: cards ≥ 20 000/s, full ≥ 2 000/s.
 *   npx tsx test/bench/scorer-speed.ts
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fromHhApi } from '../../lib/hh/api-vacancy';
import { compileProfile } from '../../lib/match/index';
import { type Profile, profileSchema } from '../../lib/match/profile';
import type { MatchVacancy } from '../../lib/match/vacancy';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { RoleModel, type RoleModelData } from '../../lib/match/role-model';
import { hasSharedFile, isEntry, REPO_ROOT, sharedFile } from './shared';

export interface SpeedResult {
  vacancies: number;
  cardsPerSec: number;
  fullPerSec: number;
  passes: number;
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

/** Load time, size and heap of the role model (what the worker pays once when it starts). */
function roleModelCost(): RoleModel {
  const file = path.join(REPO_ROOT, 'lib/match/role-model.json');
  const text = readFileSync(file, 'utf8');
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const model = new RoleModel(JSON.parse(text) as RoleModelData);
  const ms = performance.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage().heapUsed - heap0;
  console.log(`role model: ${(text.length / 1024).toFixed(0)} KB JSON (${(gzipSync(text).length / 1024).toFixed(0)} KB gz), ${model.roles.length} roles; parse + index ${ms.toFixed(0)} ms; heap ≈ ${(heap / 1024 / 1024).toFixed(1)} MB${(globalThis as { gc?: unknown }).gc ? '' : ' (run node with --expose-gc for an exact figure)'}`);
  return model;
}

function rate(profiles: Profile[], vs: MatchVacancy[], passes: number, roles?: RoleModel, cold = false): number {
  const matchers = profiles.map((p) => compileProfile(p, { roles }));
  let sink = 0;
  const once = (i: number): number => {
    const m = matchers[i % matchers.length];
    if (!m) return 0;
    // cold: every title new to the model's cache, as on a page of new vacancies
    if (cold) roles?.clearCache();
    const t0 = performance.now();
    for (const v of vs) sink += m.score(v).score;
    return performance.now() - t0;
  };
  once(0); // warm-up: JIT and the stem cache
  const times: number[] = [];
  for (let i = 0; i < passes; i++) times.push(once(i));
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return vs.length / (median(times) / 1000);
}

export function main(passes = 5): SpeedResult | null {
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
    ? (JSON.parse(readFileSync(sharedFile('bench/personas.json'), 'utf8')) as unknown[]).map((p) => profileSchema.parse(p))
    : [profileSchema.parse({ desiredTitles: ['Python-разработчик'], skills: ['Python', 'SQL', 'Docker'], experience: 'between1And3' })];
  const roles = roleModelCost();
  const cardsPerSec = rate(personas, cards, passes, roles, true);
  const fullPerSec = rate(personas, full, passes, roles, true);
  const cardsWords = rate(personas, cards, passes);
  console.log(`scorer speed, ${full.length} vacancies, one thread, median of ${passes} passes (personas rotate per pass):`);
  console.log(`  cards: ${Math.round(cardsPerSec).toLocaleString('en-US')} /s   (target ≥ 20,000)`);
  console.log(`  full:  ${Math.round(fullPerSec).toLocaleString('en-US')} /s   (target ≥ 2,000)`);
  console.log(`  (titles new to the role model's cache in every pass; cards without the role model: ${Math.round(cardsWords).toLocaleString('en-US')} /s)`);
  return { vacancies: full.length, cardsPerSec, fullPerSec, passes };
}

if (isEntry(import.meta.url)) main();
