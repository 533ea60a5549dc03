/**
 * Relevance benchmark, in process: the ten personas of ../shared/bench and the repo's own (test/bench/data: ids and
 * labels only, the vacancies are ../shared/data/vacancies.jsonl.gz), each pool scored with card fields (what a
 * listing card shows, the same field list as ../shared/bench/run.py) and with full vacancies. Prints per-persona
 * and pooled tables: AUC (relevant vs irrelevant), relevant kept (not hidden), irrelevant hidden, and a
 * reliability table of the scores (share relevant per score band; borderline counts half).
 *   npx tsx test/bench/relevance.ts [--split dev|pools|heldout|heldout3 … heldout16] [--set shared|repo|all] [--misses]
 * (pools: 110 more vacancies each for eight dev personas, labels.pools.json)
 * (env OTKLIK_NO_ROLES=1: words alone; OTKLIK_RAW_SCORES=1: scores before calibration)
 * Held-out splits are looked at once, at the end of a change (test/bench/data/README.md says which have been).
 * `python3 ../shared/bench/run.py --fields card|full` remains the reference runner for the shared personas (it
 * goes through the CLI); this file gives the same numbers for them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHhApi } from '../../lib/core/hh/api-vacancy';
import { compileProfile, formatReason } from '../../lib/core/match/index';
import { profileSchema } from '../../lib/core/match/profile';
import { builtinRoleModel } from '../../lib/core/match/roles';
import { hasSharedFile, isEntry, REPO_ROOT, sharedFile } from './shared';

const CARD_FIELDS = [
  'id',
  'name',
  'employer',
  'salary',
  'experience',
  'schedule',
  'schedule_text',
  'work_format',
  'employment',
  'area',
  'address',
  'snippet',
  'alternate_url',
];
const PERSONA_ONLY = ['id', 'intent', 'category'];

export interface Row {
  set: string;
  persona: string;
  category: string;
  rel: number;
  irr: number;
  auc: number | null;
  kept: number | null;
  hidden: number | null;
}
export interface RelevanceResult {
  fields: 'card' | 'full';
  rows: Row[];
  aucPooled: number | null;
  aucMacro: number | null;
  relevantKept: number;
  irrelevantHidden: number;
}

type Labels = Record<string, Record<string, number>>;
export interface Persona {
  id: string;
  category?: string;
  [k: string]: unknown;
}

function auc(pos: number[], neg: number[]): number | null {
  if (!pos.length || !neg.length) return null;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

export interface Set {
  name: string;
  personas: Persona[];
  labels: Labels;
}

export function loadSets(split: string, which: string): Set[] {
  const sets: Set[] = [];
  const read = <T>(f: string): T => JSON.parse(readFileSync(f, 'utf8')) as T;
  if (which !== 'repo' && split === 'dev' && hasSharedFile('bench/labels.dev.json')) {
    sets.push({
      name: 'shared',
      personas: read(sharedFile('bench/personas.json')),
      labels: read(sharedFile('bench/labels.dev.json')),
    });
  }
  const dir = path.join(REPO_ROOT, 'test/bench/data');
  if (which !== 'shared') {
    // "pools": 110 more vacancies for eight of the dev personas (new vacancies of known professions).
    const personas = read<Persona[]>(
      path.join(dir, split.startsWith('heldout') ? 'personas.heldout.json' : 'personas.json'),
    );
    const labels = read<Labels>(path.join(dir, `labels.${split}.json`));
    sets.push({ name: split === 'pools' ? 'pools' : 'repo', personas: personas.filter((p) => labels[p.id]), labels });
  }
  return sets;
}

/** The labelled vacancies of these sets, from ../shared/data/vacancies.jsonl.gz (raw hh API objects by id). */
export function loadCorpus(sets: readonly Set[]): Map<string, Record<string, unknown>> {
  const want = new Set(sets.flatMap((s) => Object.values(s.labels).flatMap((l) => Object.keys(l))));
  const corpus = new Map<string, Record<string, unknown>>();
  for (const line of gunzipSync(readFileSync(sharedFile('data/vacancies.jsonl.gz')))
    .toString('utf8')
    .split('\n')) {
    if (!line) continue;
    const o = JSON.parse(line) as Record<string, unknown>;
    if (want.has(String(o.id))) corpus.set(String(o.id), o);
  }
  return corpus;
}

/** A persona of the bench as the scorer's profile (the persona-only keys dropped). */
export function personaProfile(p: Persona) {
  return profileSchema.parse(Object.fromEntries(Object.entries(p).filter(([k]) => !PERSONA_ONLY.includes(k))));
}

/** A labelled vacancy as the scorer sees it with card or full fields. */
export function benchVacancy(raw: Record<string, unknown>, fields: 'card' | 'full') {
  return fromHhApi(
    fields === 'card' ? Object.fromEntries(Object.entries(raw).filter(([f]) => CARD_FIELDS.includes(f))) : raw,
  );
}

/**
 * Calibration: per score band, the items, their mean shown score and the share of them that is relevant (borderline as
 * half), and the expected calibration error (the items' weighted mean of |shown − observed| over the bands).
 */
function printReliability(bands: Array<{ n: number; relevant: number; predicted: number }>): void {
  const total = bands.reduce((s, b) => s + b.n, 0);
  console.log(`calibration (shown score vs share relevant; borderline counts half):`);
  console.log(`  ${'band'.padEnd(10)}${'items'.padStart(6)}${'mean score'.padStart(12)}${'relevant'.padStart(10)}`);
  let ece = 0;
  bands.forEach((b, i) => {
    if (!b.n) return;
    ece += (b.n / total) * Math.abs(b.predicted / b.n - b.relevant / b.n);
    console.log(
      `  ${`${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}`.padEnd(10)}${String(b.n).padStart(6)}${(b.predicted / b.n).toFixed(3).padStart(12)}${(b.relevant / b.n).toFixed(3).padStart(10)}`,
    );
  });
  console.log(`  expected calibration error ${ece.toFixed(3)} (${total} items)`);
}

function fmt(x: number | null): string {
  return x === null ? '  -  ' : x.toFixed(3);
}

export function main(argv: readonly string[] = process.argv.slice(2)): RelevanceResult[] | null {
  if (!hasSharedFile('data/vacancies.jsonl.gz')) {
    console.log(
      `relevance: skipped, ${sharedFile('data/vacancies.jsonl.gz')} not found (../shared is not beside the repo)`,
    );
    return null;
  }
  const arg = (k: string, d: string): string => {
    const i = argv.indexOf(k);
    return i >= 0 ? (argv[i + 1] ?? d) : d;
  };
  const split = arg('--split', 'dev');
  // The splits are the merged label files of test/bench/data (labels.<split>.json, not the passes).
  const splits = readdirSync(path.join(REPO_ROOT, 'test/bench/data'))
    .map((f) => /^labels\.([a-z0-9]+)\.json$/.exec(f)?.[1])
    .filter((x): x is string => !!x && !/^pass[AB]$/.test(x));
  if (!splits.includes(split)) throw new Error(`relevance: --split '${split}' is not one of ${splits.join(', ')}`);
  const sets = loadSets(split, arg('--set', 'all'));
  const misses = argv.includes('--misses');
  const corpus = loadCorpus(sets);
  // OTKLIK_NO_ROLES=1: the scorer without the role model (words alone), for before/after comparisons.
  const roles = process.env.OTKLIK_NO_ROLES ? undefined : builtinRoleModel();
  // OTKLIK_RAW_SCORES=1: the scores before calibration (lib/core/match/calibration.ts), for the reliability table.
  const rawScores = !!process.env.OTKLIK_RAW_SCORES;
  const out: RelevanceResult[] = [];
  for (const fields of ['card', 'full'] as const) {
    const rows: Row[] = [];
    const allPos: number[] = [];
    const allNeg: number[] = [];
    let kept = 0;
    let rel = 0;
    let hid = 0;
    let irr = 0;
    const bands = Array.from({ length: 10 }, () => ({ n: 0, relevant: 0, predicted: 0 }));
    for (const set of sets) {
      for (const p of set.personas) {
        const labels = set.labels[p.id];
        if (!labels) continue;
        const m = compileProfile(personaProfile(p), { roles, calibration: rawScores ? null : undefined });
        const pos: number[] = [];
        const neg: number[] = [];
        let k = 0;
        let h = 0;
        for (const [vid, label] of Object.entries(labels)) {
          const raw = corpus.get(vid);
          if (!raw) throw new Error(`relevance: vacancy ${vid} (${set.name}/${p.id}) is not in the corpus`);
          const v = benchVacancy(raw, fields);
          const r = m.score(v);
          const band = bands[Math.min(9, Math.floor(r.score * 10))];
          if (band) {
            band.n++;
            band.relevant += label / 2;
            band.predicted += r.score;
          }
          if (label === 2) {
            pos.push(r.score);
            if (r.verdict !== 'hide') k++;
          } else if (label === 0) {
            neg.push(r.score);
            if (r.verdict === 'hide') h++;
          }
          const miss = (label === 2 && r.verdict === 'hide') || (label === 0 && r.verdict !== 'hide');
          if (misses && miss)
            console.log(
              `  ${fields} ${p.id} L${label} ${r.verdict} ${r.score.toFixed(2)} ${v.title} | ${r.reasons.map((x) => formatReason(x, 'en')).join('; ')}`,
            );
        }
        allPos.push(...pos);
        allNeg.push(...neg);
        kept += k;
        rel += pos.length;
        hid += h;
        irr += neg.length;
        rows.push({
          set: set.name,
          persona: p.id,
          category: p.category ?? 'IT',
          rel: pos.length,
          irr: neg.length,
          auc: auc(pos, neg),
          kept: pos.length ? k / pos.length : null,
          hidden: neg.length ? h / neg.length : null,
        });
      }
    }
    const macroOf = (rs: Row[]): number | null => {
      const a = rs.map((r) => r.auc).filter((x): x is number => x !== null);
      return a.length ? a.reduce((s, x) => s + x, 0) / a.length : null;
    };
    const res: RelevanceResult = {
      fields,
      rows,
      aucPooled: auc(allPos, allNeg),
      aucMacro: macroOf(rows),
      relevantKept: kept / Math.max(1, rel),
      irrelevantHidden: hid / Math.max(1, irr),
    };
    out.push(res);
    console.log(`\n## relevance, ${fields} fields, ${split} split`);
    console.log(
      `${'set'.padEnd(7)}${'persona'.padEnd(22)}${'category'.padEnd(20)}${'rel'.padStart(4)}${'irr'.padStart(5)}${'AUC'.padStart(8)}${'kept'.padStart(7)}${'hidden'.padStart(8)}`,
    );
    for (const r of rows)
      console.log(
        `${r.set.padEnd(7)}${r.persona.padEnd(22)}${r.category.padEnd(20)}${String(r.rel).padStart(4)}${String(r.irr).padStart(5)}${fmt(r.auc).padStart(8)}${fmt(r.kept).padStart(7)}${fmt(r.hidden).padStart(8)}`,
      );
    for (const s of sets) {
      const rs = rows.filter((r) => r.set === s.name);
      const sum = (f: (r: Row) => number) => rs.reduce((a, r) => a + f(r), 0);
      const k =
        sum((r) => (r.kept ?? 0) * r.rel) /
        Math.max(
          1,
          sum((r) => r.rel),
        );
      const h =
        sum((r) => (r.hidden ?? 0) * r.irr) /
        Math.max(
          1,
          sum((r) => r.irr),
        );
      console.log(
        `${s.name}: macro AUC ${fmt(macroOf(rs))}  relevant kept ${k.toFixed(3)}  irrelevant hidden ${h.toFixed(3)}  (${rs.length} personas)`,
      );
    }
    console.log(
      `pooled: auc_pooled=${fmt(res.aucPooled)} auc_macro=${fmt(res.aucMacro)} relevant_kept=${res.relevantKept.toFixed(3)} irrelevant_hidden=${res.irrelevantHidden.toFixed(3)}`,
    );
    printReliability(bands);
  }
  return out;
}

if (isEntry(import.meta.url)) main();
