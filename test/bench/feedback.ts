/**
 * Feedback simulation (`npm run bench`, or `npx tsx test/bench/feedback.ts`): a persona labels N of its
 * vacancies on the badges ("relevant" for label 2, "not for me" for label 0, in a fixed shuffled order), the
 * worker's feedback model (lib/worker/feedback) learns from them, and the persona's remaining labelled vacancies are
 * judged again: relevant kept / irrelevant hidden, before (N = 0) and after 10, 30 and 100 labels. Card fields.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { correct, emptyFeedback, learn, vacancyFeatures, type FeedbackStore } from '../../lib/worker/feedback/model';
import { compileProfile, DEFAULT_THRESHOLDS } from '../../lib/core/match/index';
import { builtinRoleModel } from '../../lib/core/match/roles';
import { benchVacancy, loadCorpus, personaProfile } from './relevance';
import { hasSharedFile, isEntry, REPO_ROOT, sharedFile } from './shared';

const STEPS = [0, 5, 10, 30, 100];
const fmtPair = (k: number, rel: number, h: number, irr: number) =>
  rel + irr ? `${rel ? (k / rel).toFixed(3) : '  -  '}/${irr ? (h / irr).toFixed(3) : '  -  '}` : '    -/-    ';

interface Persona {
  id: string;
  [k: string]: unknown;
}

/** A fixed pseudo-random order (mulberry32), the same on every run. */
function shuffle<T>(xs: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export function main(): void {
  if (!hasSharedFile('data/vacancies.jsonl.gz')) {
    console.log(
      `feedback: skipped, ${sharedFile('data/vacancies.jsonl.gz')} not found (../shared is not beside the repo)`,
    );
    return;
  }
  const read = <T>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;
  const sets: { name: string; personas: Persona[]; labels: Record<string, Record<string, number>> }[] = [];
  if (hasSharedFile('bench/labels.dev.json'))
    sets.push({
      name: 'shared',
      personas: read(sharedFile('bench/personas.json')),
      labels: read(sharedFile('bench/labels.dev.json')),
    });
  const dir = path.join(REPO_ROOT, 'test/bench/data');
  // The repo's personas with every label they have: the dev pool (20) and, for eight, the big pool (110 more).
  const repoLabels = read<Record<string, Record<string, number>>>(path.join(dir, 'labels.dev.json'));
  const pools = path.join(dir, 'labels.pools.json');
  if (existsSync(pools))
    for (const [pid, more] of Object.entries(read<Record<string, Record<string, number>>>(pools)))
      repoLabels[pid] = { ...repoLabels[pid], ...more };
  sets.push({ name: 'repo', personas: read(path.join(dir, 'personas.json')), labels: repoLabels });
  const corpus = loadCorpus(sets);
  const roles = builtinRoleModel();
  const { hide, dim } = DEFAULT_THRESHOLDS;
  // Per step: pooled counts over every persona's remaining items, and the per-persona rates for the macro mean.
  const pooled = STEPS.map(() => ({
    k: 0,
    k0: 0,
    h0: 0,
    rel: 0,
    h: 0,
    irr: 0,
    irrDimmed: 0,
    relDimmed: 0,
    macroK: [] as number[],
    macroH: [] as number[],
    personas: 0,
  }));
  const rows: string[] = [];
  let personas = 0;
  for (const set of sets) {
    for (const p of set.personas) {
      const labels = set.labels[p.id];
      if (!labels) continue;
      const m = compileProfile(personaProfile(p), { roles });
      const items = shuffle(
        Object.entries(labels).filter(([, l]) => l !== 1),
        personas + 17,
      ).flatMap(([id, label]) => {
        const raw = corpus.get(id);
        if (!raw) return [];
        const v = benchVacancy(raw, 'card');
        const r = m.score(v);
        return [{ id, label, r, features: vacancyFeatures(v) }];
      });
      personas++;
      const cells: string[] = [];
      STEPS.forEach((n, si) => {
        let store: FeedbackStore = emptyFeedback();
        const taught = items.slice(0, n);
        taught.forEach((it, i) => {
          store = learn(store, it.id, {
            label: it.label === 2 ? 'relevant' : 'not',
            source: 'badge',
            features: it.features,
            base: it.r.score,
            title: '',
            at: i,
          });
        });
        let k = 0;
        let rel = 0;
        let h = 0;
        let irr = 0;
        let k0 = 0;
        let h0 = 0;
        // N ≤ 10: the same items (those after the 10th) judged after each N, so the columns compare.
        for (const it of items.slice(Math.max(n, 10))) {
          const hard = it.r.reasons.some((x) => x.hard);
          const score = hard ? 0 : correct(store, it.id, it.features, it.r.score, hide).score;
          const hidden = score < hide;
          // The same items without feedback: the baseline of this column (N ≥ 30 measures fewer personas).
          const hidden0 = hard || it.r.score < hide;
          if (it.label === 2 && !hidden0) k0++;
          if (it.label !== 2 && hidden0) h0++;
          if (it.label === 2) {
            rel++;
            if (!hidden) k++;
            if (!hidden && score < dim) pooled[si]!.relDimmed++;
          } else {
            irr++;
            if (hidden) h++;
            else if (score < dim) pooled[si]!.irrDimmed++;
          }
        }
        const t = pooled[si]!;
        t.k += k;
        t.k0 += k0;
        t.h0 += h0;
        t.rel += rel;
        t.h += h;
        t.irr += irr;
        // A persona counts at N only when it has N labels to give and items left to judge after them.
        if (taught.length === n && rel + irr > 0) t.personas++;
        if (rel) t.macroK.push(k / rel);
        if (irr) t.macroH.push(h / irr);
        cells.push(`${rel ? (k / rel).toFixed(2) : '  - '}/${irr ? (h / irr).toFixed(2) : '  - '}`.padStart(13));
      });
      rows.push(`${set.name.padEnd(7)}${p.id.padEnd(24)}${String(items.length).padStart(5)}${cells.join('')}`);
    }
  }
  console.log(
    `\n## feedback simulation (card fields; kept/hidden on each persona's items after the 10th, the first N of them labelled on the badges)`,
  );
  console.log(
    `${'set'.padEnd(7)}${'persona'.padEnd(24)}${'items'.padStart(5)}${STEPS.map((n) => `N=${n}`.padStart(13)).join('')}`,
  );
  for (const r of rows) console.log(r);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  console.log(
    `${'pooled kept / hidden'.padEnd(36)}${pooled.map((t) => fmtPair(t.k, t.rel, t.h, t.irr).padStart(13)).join('')}`,
  );
  console.log(
    `${'same items, no feedback'.padEnd(36)}${pooled.map((t) => fmtPair(t.k0, t.rel, t.h0, t.irr).padStart(13)).join('')}`,
  );
  console.log(
    `${'macro kept / hidden'.padEnd(36)}${pooled.map((t) => (t.macroK.length + t.macroH.length ? `${mean(t.macroK).toFixed(3)}/${mean(t.macroH).toFixed(3)}` : '    -/-    ').padStart(13)).join('')}`,
  );
  console.log(
    `${'dimmed: relevant / irrelevant'.padEnd(36)}${pooled.map((t) => (t.rel + t.irr ? `${(t.relDimmed / Math.max(1, t.rel)).toFixed(3)}/${(t.irrDimmed / Math.max(1, t.irr)).toFixed(3)}` : '    -/-    ').padStart(13)).join('')}`,
  );
  console.log(`${'personas measured'.padEnd(36)}${pooled.map((t) => String(t.personas).padStart(13)).join('')}`);
  const sizes = sets.flatMap((s) =>
    s.personas.map((p) => Object.values(s.labels[p.id] ?? {}).filter((l) => l !== 1).length),
  );
  console.log(
    `(${personas} personas, ${Math.min(...sizes)}–${Math.max(...sizes)} labelled items each (borderline left out); "-": no labelled items left after N.`,
  );
  console.log(
    ` N = 30 and 100: the personas with big pools (labels.pools.json) that have that many labels to give and items left)`,
  );
}

if (isEntry(import.meta.url)) main();
