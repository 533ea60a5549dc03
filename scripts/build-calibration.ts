/**
 * Rebuilds lib/core/match/calibration.json, the map from the scorer's raw score to the score shown to the user. Scores
 * every labelled vacancy of the dev split (../shared/bench's ten personas and the repo's own, test/bench/data), with
 * card and with full fields, uncalibrated; fits an isotonic regression of "relevant" (label 2 → 1, borderline → ½,
 * 0 → 0) on the raw score (pool-adjacent-violators, steps of at least MIN_BLOCK scores); makes it strictly increasing by a 5 % blend with the identity
 * (so the map never reorders two vacancies) and pins the raw hide / dim cuts as knots at their fitted values rounded
 * to 5 %, which become the default thresholds.
 *   npx tsx scripts/build-calibration.ts [--check]    (--check: exit 1 if the committed file differs)
 * Needs ../shared (the corpus and the shared personas).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CalibrationData } from '../lib/core/match/calibration';
import { compileProfile } from '../lib/core/match/index';
import { builtinRoleModel } from '../lib/core/match/roles';
import { benchVacancy, loadCorpus, loadSets, personaProfile } from '../test/bench/relevance';
import { hasSharedFile, isEntry, REPO_ROOT } from '../test/bench/shared';

export const CALIBRATION_FILE = path.join(REPO_ROOT, 'lib/core/match/calibration.json');
/** The raw cuts (tuned on the benchmark before calibration; see lib/core/match/README.md). */
const RAW = { hide: 0.3, dim: 0.55 };
const BLEND = 0.05;
/** The fewest labelled scores a step of the fit may rest on. */
const MIN_BLOCK = 25;

interface Point {
  x: number;
  y: number;
  w: number;
}

/** Pool-adjacent-violators: the non-decreasing step function closest to the points (weighted least squares). */
export function isotonic(points: Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x);
  const blocks: Array<{ x: number; y: number; w: number }> = [];
  for (const p of sorted) {
    blocks.push({ x: p.x * p.w, y: p.y * p.w, w: p.w });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.y / a.w < b.y / b.w) break;
      blocks.splice(-2, 2, { x: a.x + b.x, y: a.y + b.y, w: a.w + b.w });
    }
  }
  // A block of a few items says little: merge it into its smaller neighbour (both stay in order, so the fit stays
  // non-decreasing) until every block holds MIN_BLOCK items.
  for (;;) {
    let i = -1;
    for (let j = 0; j < blocks.length; j++)
      if (blocks[j]!.w < MIN_BLOCK && (i < 0 || blocks[j]!.w < blocks[i]!.w)) i = j;
    if (i < 0 || blocks.length < 2) break;
    const left = i > 0 ? blocks[i - 1]!.w : Infinity;
    const right = i < blocks.length - 1 ? blocks[i + 1]!.w : Infinity;
    const j = left <= right ? i - 1 : i + 1;
    const [a, b] = [blocks[Math.min(i, j)]!, blocks[Math.max(i, j)]!];
    blocks.splice(Math.min(i, j), 2, { x: a.x + b.x, y: a.y + b.y, w: a.w + b.w });
  }
  return blocks.map((b) => ({ x: b.x / b.w, y: b.y / b.w, w: b.w }));
}

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

export function build(): CalibrationData {
  const sets = loadSets('dev', 'all');
  const corpus = loadCorpus(sets);
  const roles = builtinRoleModel();
  const points: Point[] = [];
  for (const fields of ['card', 'full'] as const) {
    for (const set of sets) {
      for (const p of set.personas) {
        const labels = set.labels[p.id];
        if (!labels) continue;
        const m = compileProfile(personaProfile(p), { roles, calibration: null });
        for (const [vid, label] of Object.entries(labels)) {
          const raw = corpus.get(vid);
          if (!raw) throw new Error(`build-calibration: vacancy ${vid} is not in the corpus`);
          const r = m.score(benchVacancy(raw, fields));
          // A hard filter forces the score under the cut whatever the text says: it says nothing about relevance.
          if (r.reasons.some((x) => x.hard)) continue;
          points.push({ x: r.score, y: label / 2, w: 1 });
        }
      }
    }
  }
  const steps = isotonic(points);
  // Knots at the blocks' mean raw scores, blended with the identity so the map is strictly increasing.
  const fit = (x: number): number => {
    // the isotonic fit itself, linear between block centres, flat beyond the ends
    if (x <= steps[0]!.x) return steps[0]!.y;
    for (let i = 1; i < steps.length; i++) {
      const a = steps[i - 1]!;
      const b = steps[i]!;
      if (x <= b.x) return a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y);
    }
    return steps[steps.length - 1]!.y;
  };
  const blend = (x: number): number => (1 - BLEND) * fit(x) + BLEND * x;
  const xs = new Set<number>([0, 1, ...steps.map((s) => round(s.x))]);
  // Rounded to 5 %: a round number the options page can state, and one that small scorer changes do not move.
  const pinned = { hide: Math.round(blend(RAW.hide) * 20) / 20, dim: Math.round(blend(RAW.dim) * 20) / 20 };
  let knots: Array<[number, number]> = [...xs].sort((a, b) => a - b).map((x) => [x, round(blend(x), 6)]);
  // Pin the cuts: drop knots too close to them, then insert them with their rounded values.
  knots = knots.filter(([x]) => Math.abs(x - RAW.hide) > 0.01 && Math.abs(x - RAW.dim) > 0.01);
  // A knot on the wrong side of a pinned value (rounding moved it past a close neighbour) is dropped.
  for (const [cut, y] of [
    [RAW.hide, pinned.hide],
    [RAW.dim, pinned.dim],
  ] as const) {
    knots = knots.filter(([kx, ky]) => (kx < cut ? ky < y : ky > y));
    knots.push([cut, y]);
  }
  knots.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < knots.length; i++) {
    if (knots[i]![1] <= knots[i - 1]![1])
      throw new Error(`build-calibration: the map is not strictly increasing at raw ${knots[i]![0]}`);
  }
  const relevant = points.reduce((s, p) => s + p.y, 0);
  return {
    version: 1,
    knots,
    rawThresholds: RAW,
    measured: {
      points: points.length,
      shareRelevant: round(relevant / points.length, 3),
      blocks: steps.length,
      fittedOn:
        'dev split: ../shared/bench ten + test/bench/data personas.json, card and full fields, hard-filtered left out',
    },
  };
}

export function main(argv: readonly string[] = process.argv.slice(2)): void {
  if (!hasSharedFile('data/vacancies.jsonl.gz') || !hasSharedFile('bench/labels.dev.json')) {
    console.log('build-calibration: skipped, ../shared is not beside the repo');
    return;
  }
  const data = build();
  const text = `${JSON.stringify(data)}\n`;
  if (argv.includes('--check')) {
    const same = readFileSync(CALIBRATION_FILE, 'utf8') === text;
    console.log(
      same
        ? 'calibration.json is up to date'
        : 'calibration.json is out of date: run npx tsx scripts/build-calibration.ts',
    );
    if (!same) process.exit(1);
    return;
  }
  writeFileSync(CALIBRATION_FILE, text);
  console.log(
    `calibration: ${data.knots.length} knots from ${data.measured?.points} labelled scores; default thresholds hide ${data.knots.find((k) => k[0] === RAW.hide)?.[1]}, dim ${data.knots.find((k) => k[0] === RAW.dim)?.[1]}`,
  );
}

if (isEntry(import.meta.url)) main();
