/**
 * Rebuilds lib/core/match/role-model.json, the title → hh professional role model, from ../shared/data:
 *   - role_titles_2026-05.csv: 5,592 real hh vacancy titles with their role id (all professions);
 *   - hh_professional_roles_2024-12.json: hh's role catalogue (each role's name is a training title too, so
 *     every role has examples; names of the 2025 roles missing from it are in ROLES_2025 below);
 *   - vacancies.jsonl.gz: the vacancies that carry professional_roles.
 * Measures the model by 5-fold cross-validation over the labelled titles (accuracy, top-3, log loss, and how often
 * a confident prediction is right), fits the temperature (growing with a title's feature mass) on those held-out
 * predictions, then trains on everything.
 *   npx tsx scripts/build-role-model.ts [--check]    (--check: exit 1 if the committed file differs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { normalizeText, stripHtml, tokenize } from '../lib/core/match/normalize';
import { headStems, titleFeatures } from '../lib/core/match/role-features';
import { stemWord } from '../lib/core/match/stem';
import { type RoleInfo, type RoleModelData, softmax } from '../lib/core/match/role-model';
import { REPO_ROOT, sharedFile } from '../test/bench/shared';

export const ROLE_MODEL_FILE = path.join(REPO_ROOT, 'lib/core/match/role-model.json');

/**
 * Roles hh added in 2025 that the 2024-12 catalogue lacks (ids seen in the 2026 titles). Names as hh's site shows
 * them, to our best knowledge; the model learns them from their titles all the same.
 */
const ROLES_2025: Record<string, [string, string]> = {
  '175': ['Арматурщик, бетонщик', 'Рабочий персонал'],
  '176': ['Бренд-менеджер', 'Маркетинг, реклама, PR'],
  '177': ['Инженер АСУ ТП, КИПиА', 'Производство, сервисное обслуживание'],
  '178': ['Инженер слаботочных систем, связи', 'Производство, сервисное обслуживание'],
  '179': ['Инженер строительного контроля, технадзора', 'Строительство, недвижимость'],
  '180': ['Менеджер по товародвижению', 'Розничная торговля'],
  '181': ['Куратор, координатор', 'Наука, образование'],
  '182': ['Менеджер маркетплейсов', 'Маркетинг, реклама, PR'],
  '183': ['Специалист по маркировке, качеству', 'Производство, сервисное обслуживание'],
  '184': ['Повар, пекарь, кухонный работник', 'Туризм, гостиницы, рестораны'],
  '186': ['Рабочий пищевого производства', 'Производство, сервисное обслуживание'],
  '188': ['Начальник отдела', 'Финансы, бухгалтерия'],
  '189': ['Инженер по эксплуатации зданий', 'Строительство, недвижимость'],
  '190': ['Сотрудник пункта выдачи заказов', 'Розничная торговля'],
  '191': ['Кассир', 'Розничная торговля'],
  '192': ['Стропальщик', 'Рабочий персонал'],
  '193': ['Станочник, сборщик', 'Рабочий персонал'],
  '194': ['Санитар, санитарка', 'Медицина, фармацевтика'],
};

const ALPHA = Number(process.env.RM_ALPHA ?? 0.1);
/** A catalogue name counts as this many labelled titles. */
const NAME_WEIGHT = Number(process.env.RM_NW ?? 3);
/** Features seen in fewer labelled examples than this are dropped (size; they carry little). */
const MIN_DF = Number(process.env.RM_DF ?? 1);

interface Example {
  title: string;
  role: number;
  w: number;
  /** a labelled title (cross-validated), not a catalogue name */
  labelled: boolean;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') [row, cell] = [[...row, cell], ''];
    else if (ch === '\n') {
      rows.push([...row, cell.replace(/\r$/, '')]);
      [row, cell] = [[], ''];
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** The 2026 sample of role-labelled titles, relative to ../shared. */
export const ROLE_TITLES = 'data/role_titles_2026-05.csv';

/** Its rows: each title as written, its hh role id and its hh experience id (either may be empty). */
export function readRoleTitles(): Array<{ title: string; roleId: string; experience: string }> {
  const [head, ...rows] = parseCsv(readFileSync(sharedFile(ROLE_TITLES), 'utf8'));
  const [ti, ri, ei] = ['title', 'role_id', 'experience'].map((name) => head?.indexOf(name) ?? -1);
  return rows.map((r) => ({ title: r[ti ?? -1] ?? '', roleId: r[ri ?? -1] ?? '', experience: r[ei ?? -1] ?? '' }));
}

function loadData(): { roles: RoleInfo[]; examples: Example[] } {
  const cat = JSON.parse(readFileSync(sharedFile('data/hh_professional_roles_2024-12.json'), 'utf8')) as {
    categories: Array<{ name: string; roles: Array<{ id: string; name: string }> }>;
  };
  const roles: RoleInfo[] = [];
  const index = new Map<string, number>();
  const addRole = (id: string, name: string, category: string): void => {
    const known = roles[index.get(id) ?? -1];
    if (known) {
      // hh files some roles under several categories ("Дизайнер, художник": IT, arts, marketing, construction).
      known.otherCategories = [...(known.otherCategories ?? []), category];
      return;
    }
    index.set(id, roles.length);
    roles.push({ id, name, category });
  };
  for (const c of cat.categories) for (const r of c.roles) addRole(r.id, r.name, c.name);
  for (const [id, [name, category]] of Object.entries(ROLES_2025)) addRole(id, name, category);

  const examples: Example[] = [];
  for (const r of roles) {
    // "Водитель, экспедитор" → the whole name and each part are titles of that role.
    const parts = r.name.split(/,\s*/).filter((p) => p.length > 2);
    for (const t of new Set([r.name, ...parts]))
      examples.push({ title: t, role: index.get(r.id) ?? 0, w: NAME_WEIGHT, labelled: false });
  }
  for (const row of readRoleTitles()) {
    const role = index.get(row.roleId);
    if (role === undefined || !row.title) continue;
    examples.push({ title: row.title, role, w: 1, labelled: true });
  }
  for (const line of gunzipSync(readFileSync(sharedFile('data/vacancies.jsonl.gz')))
    .toString('utf8')
    .split('\n')) {
    if (!line.includes('professional_roles')) continue;
    const v = JSON.parse(line) as { name?: string; professional_roles?: Array<{ id: string }> };
    for (const pr of v.professional_roles ?? []) {
      const role = index.get(pr.id);
      if (role !== undefined && v.name) examples.push({ title: v.name, role, w: 1, labelled: true });
    }
  }
  return { roles, examples };
}

interface Trained {
  prior: number[];
  unseen: number[];
  /** feature → role → log P(f|r) − unseen[r] */
  delta: Map<string, Map<number, number>>;
}

function train(nRoles: number, examples: readonly Example[], feats: ReadonlyArray<Map<string, number>>): Trained {
  const count = new Map<string, Map<number, number>>();
  const df = new Map<string, number>();
  const total = new Array<number>(nRoles).fill(0);
  const docs = new Array<number>(nRoles).fill(0);
  examples.forEach((ex, i) => {
    // The prior is hh's mix (labelled titles and catalogue names); co-trained titles come from a data/IT-heavy sample.
    if (ex.w !== PSEUDO_WEIGHT) docs[ex.role] = (docs[ex.role] ?? 0) + ex.w;
    for (const [f, w] of feats[i] ?? []) {
      const m = count.get(f) ?? new Map<number, number>();
      m.set(ex.role, (m.get(ex.role) ?? 0) + w * ex.w);
      count.set(f, m);
      df.set(f, (df.get(f) ?? 0) + 1);
      total[ex.role] = (total[ex.role] ?? 0) + w * ex.w;
    }
  });
  for (const [f, n] of df) if (n < MIN_DF) count.delete(f);
  const V = count.size;
  const nDocs = docs.reduce((a, b) => a + b, 0);
  const unseen = total.map((t) => Math.log(ALPHA / (t + ALPHA * V)));
  // Prior: hh's natural mix, flattened (square root) so that rare professions are not drowned by sales managers.
  const sq = docs.map((d) => Math.sqrt(d + 1));
  const sqSum = sq.reduce((a, b) => a + b, 0);
  const prior = sq.map((s) => Math.log(s / sqSum));
  void nDocs;
  const delta = new Map<string, Map<number, number>>();
  for (const [f, m] of count) {
    const d = new Map<number, number>();
    for (const [r, c] of m) d.set(r, Math.log((c + ALPHA) / ((total[r] ?? 0) + ALPHA * V)) - (unseen[r] ?? 0));
    delta.set(f, d);
  }
  return { prior, unseen, delta };
}

/** A title's log-posterior over the roles, and the weight of its features the model knows (what predict() calls mass). */
function logPosterior(m: Trained, f: Map<string, number>): { lp: Float64Array; mass: number } {
  const lp = Float64Array.from(m.prior);
  let mass = 0;
  for (const [k, w] of f) {
    const d = m.delta.get(k);
    if (!d) continue;
    mass += w;
    for (const [r, x] of d) lp[r] = (lp[r] ?? 0) + (w * Math.round(x * 100)) / 100;
  }
  for (let r = 0; r < lp.length; r++) lp[r] = (lp[r] ?? 0) + mass * (m.unseen[r] ?? 0);
  return { lp, mass };
}

function crossValidate(roles: RoleInfo[], examples: Example[], feats: Array<Map<string, number>>) {
  const K = 5;
  const held: Array<{ lp: Float64Array; role: number; mass: number }> = [];
  for (let k = 0; k < K; k++) {
    const trainIdx: number[] = [];
    const testIdx: number[] = [];
    examples.forEach((ex, i) => (ex.labelled && i % K === k ? testIdx : trainIdx).push(i));
    const m = train(
      roles.length,
      trainIdx.map((i) => examples[i] as Example),
      trainIdx.map((i) => feats[i] as Map<string, number>),
    );
    for (const i of testIdx) {
      const f = feats[i] as Map<string, number>;
      held.push({ ...logPosterior(m, f), role: (examples[i] as Example).role });
    }
  }
  // The temperature grows with the title's known feature mass: T = a + b·mass, both fitted on the held-out titles.
  const tempOf = (a: number, b: number, mass: number): number => a + b * mass;
  const lossAt = (a: number, b: number): number =>
    held.reduce((s, h) => s - Math.log(Math.max(1e-12, softmax(h.lp, tempOf(a, b, h.mass))[h.role] ?? 0)), 0) /
    held.length;
  let [A, B] = [1, 0];
  let best = lossAt(1, 0);
  for (let a = 0.2; a <= 4; a += 0.1)
    for (let b = 0; b <= 0.6; b += 0.02) {
      const l = lossAt(a, b);
      if (l < best) [best, A, B] = [l, Math.round(a * 10) / 10, Math.round(b * 100) / 100];
    }
  // One temperature for every title, for comparison (what the model used before).
  let flat = Infinity;
  for (let t = 0.5; t <= 6; t += 0.1) flat = Math.min(flat, lossAt(t, 0));
  let top1 = 0;
  let top3 = 0;
  const conf = [0.5, 0.7, 0.9].map((c) => ({ c, n: 0, right: 0 }));
  const sameCat = { n: 0 };
  for (const h of held) {
    const p = softmax(h.lp, tempOf(A, B, h.mass));
    const order = [...p.keys()].sort((a, b) => (p[b] ?? 0) - (p[a] ?? 0));
    if (order[0] === h.role) top1++;
    if (order.slice(0, 3).includes(h.role)) top3++;
    if (roles[order[0] ?? 0]?.category === roles[h.role]?.category) sameCat.n++;
    for (const c of conf) {
      if ((p[order[0] ?? 0] ?? 0) >= c.c) {
        c.n++;
        if (order[0] === h.role) c.right++;
      }
    }
  }
  const n = held.length;
  const out: Record<string, number | string> = {
    heldOutTitles: n,
    top1: +(top1 / n).toFixed(3),
    top3: +(top3 / n).toFixed(3),
    sameCategory: +(sameCat.n / n).toFixed(3),
    logLoss: +best.toFixed(3),
    logLossOneTemperature: +flat.toFixed(3),
    temperature: A,
    temperatureSlope: B,
  };
  for (const c of conf) {
    out[`covered@${c.c}`] = +(c.n / n).toFixed(3);
    out[`precision@${c.c}`] = +(c.right / Math.max(1, c.n)).toFixed(3);
  }
  return { T: A, slope: B, eval: out };
}

/**
 * Titles the labelled data never saw, learned from the 15k vacancies' own text (co-training): the title model labels
 * the vacancies whose titles it reads surely; a description model (key skills + description stems) trained on those
 * labels the rest; where it is sure, the vacancy's title becomes a training title of that role (at PSEUDO_WEIGHT).
 * So "Product Owner" or "Data Engineer" learn their role from what such vacancies ask for. Each distinct title counts
 * once (titleKey), and the text never relabels a title the labelled titles read otherwise (PSEUDO_AGREE).
 */
const PSEUDO_WEIGHT = Number(process.env.RM_PW ?? 0.25);
const TITLE_SURE = 0.8;
const TEXT_SURE = 0.95;
/** The least the title model must give the text's role of a title it reads with an opinion (top role ≥ OPINION). */
const PSEUDO_AGREE = 0.1;
const PSEUDO_OPINION = 0.5;
/** The title model's temperature here: what the built model fits (T0 + T1 · mass), rounded; fixed, as it comes first. */
const PSEUDO_T0 = 0.4;
const PSEUDO_T1 = 0.4;

/**
 * A title as its copies share it: the words before any bracket, comma or place ("Мерчендайзер-грузчик, г. Миасс",
 * "… в г. Бирск", "… (Тюмень)" are one title), case and punctuation aside.
 */
function titleKey(title: string): string {
  const head = title.split(/[,(]|\s(?:в|во|г\.?|с\.|рп\.?|пгт\.?|гп\.?)\s/i)[0] ?? title;
  return tokenize(normalizeText(head)).join(' ');
}

/** Features of a vacancy's text: `text` is its description, HTML stripped. */
function textFeatures(text: string, keySkills: Array<{ name?: string }> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  const words = tokenize(normalizeText(text.slice(0, 3000)));
  for (const w of words) {
    if (w.length < 3 || /^\d+$/.test(w)) continue;
    out.set(stemWord(w), 1);
  }
  for (const k of keySkills ?? [])
    for (const w of tokenize(normalizeText(k.name ?? ''))) if (w.length >= 2) out.set(`#${stemWord(w)}`, 1);
  return out;
}

/**
 * A description written mostly in Latin letters. The description model reads such a text as IT whatever the job
 * ("Financial Analyst": DevOps), since hh's English texts are mostly IT ones: it says which language, not which job.
 */
function englishText(text: string): boolean {
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  const cyrillic = text.match(/[а-яё]/gi)?.length ?? 0;
  return latin > cyrillic;
}

function pseudoExamples(
  roles: RoleInfo[],
  examples: Example[],
  feats: Array<Map<string, number>>,
): { added: Example[]; stats: Record<string, number> } {
  const titleModel = train(roles.length, examples, feats);
  const known = new Set(titleModel.delta.keys());
  const vacancies: Array<{
    title: string;
    english: boolean;
    text: Map<string, number>;
    role: number;
    sure: boolean;
    /** the title model's probabilities where it can read the title (null: its head is new to it) */
    p: Float64Array | null;
  }> = [];
  for (const line of gunzipSync(readFileSync(sharedFile('data/vacancies.jsonl.gz')))
    .toString('utf8')
    .split('\n')) {
    if (!line) continue;
    const v = JSON.parse(line) as {
      name?: string;
      description?: string;
      key_skills?: Array<{ name?: string }>;
      professional_roles?: unknown;
    };
    if (!v.name || v.professional_roles) continue;
    const f = titleFeatures(v.name);
    const description = stripHtml(v.description ?? '');
    const { lp, mass } = logPosterior(titleModel, f);
    const p = softmax(lp, PSEUDO_T0 + PSEUDO_T1 * mass);
    let best = 0;
    for (let r = 1; r < p.length; r++) if ((p[r] ?? 0) > (p[best] ?? 0)) best = r;
    const heads = headStems(v.name);
    const readable = heads.length > 0 && heads.filter((h) => !known.has(h)).length * 2 < heads.length;
    vacancies.push({
      title: v.name,
      english: englishText(description),
      text: textFeatures(description, v.key_skills),
      role: best,
      sure: readable && (p[best] ?? 0) >= TITLE_SURE,
      p: readable ? p : null,
    });
  }
  const sure = vacancies.filter((v) => v.sure);
  const textModel = train(
    roles.length,
    sure.map((v) => ({ title: v.title, role: v.role, w: 1, labelled: false })),
    sure.map((v) => v.text),
  );
  // One training title per distinct title: the corpus repeats one employer's template ("Мерчендайзер-грузчик (город)"
  // 114 times), and its copies must not outvote the labelled titles. The title's role is its copies' majority.
  const votes = new Map<string, { title: string; roles: Map<number, number> }>();
  for (const v of vacancies) {
    if (v.sure || v.english) continue;
    const p = softmax(logPosterior(textModel, v.text).lp, 1);
    let best = 0;
    for (let r = 1; r < p.length; r++) if ((p[r] ?? 0) > (p[best] ?? 0)) best = r;
    if ((p[best] ?? 0) < TEXT_SURE) continue;
    // The text settles a title the labelled titles leave open, never one they read otherwise ("Мерчендайзер" is
    // labelled a merchandiser; its vacancies' text, shelves and shops, reads like a shop assistant's).
    if (v.p && (v.p[best] ?? 0) < PSEUDO_AGREE && Math.max(...v.p) >= PSEUDO_OPINION) continue;
    const key = titleKey(v.title);
    const e = votes.get(key) ?? { title: v.title, roles: new Map<number, number>() };
    e.roles.set(best, (e.roles.get(best) ?? 0) + 1);
    votes.set(key, e);
  }
  const added: Example[] = [];
  for (const { title, roles: rs } of votes.values()) {
    const [role] = [...rs].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0];
    added.push({ title, role, w: PSEUDO_WEIGHT, labelled: false });
  }
  return { added, stats: { vacancies: vacancies.length, titleSure: sure.length, pseudoTitles: added.length } };
}

export function build(): RoleModelData {
  const { roles, examples } = loadData();
  // RM_PSEUDO=0: without the co-trained titles (for comparison).
  const pseudo =
    process.env.RM_PSEUDO === '0'
      ? { added: [], stats: {} }
      : pseudoExamples(
          roles,
          examples,
          examples.map((e) => titleFeatures(e.title)),
        );
  examples.push(...pseudo.added);
  const feats = examples.map((e) => titleFeatures(e.title));
  const cv = crossValidate(roles, examples, feats);
  Object.assign(cv.eval, pseudo.stats);
  const m = train(roles.length, examples, feats);
  const features: Record<string, number[]> = {};
  for (const f of [...m.delta.keys()].sort()) {
    const row: number[] = [];
    for (const [r, x] of [...(m.delta.get(f) ?? [])].sort((a, b) => a[0] - b[0])) row.push(r, Math.round(x * 100));
    features[f] = row;
  }
  const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;
  return {
    version: 1,
    roles,
    prior: m.prior.map(r4),
    unseen: m.unseen.map(r4),
    temperature: cv.T,
    temperatureSlope: cv.slope,
    features,
    measured: cv.eval,
  };
}

function main(): void {
  const data = build();
  const text = JSON.stringify(data) + '\n';
  if (process.argv.includes('--check')) {
    const old = readFileSync(ROLE_MODEL_FILE, 'utf8');
    if (old !== text) {
      console.error('lib/core/match/role-model.json is out of date: run `npx tsx scripts/build-role-model.ts`');
      process.exit(1);
    }
    console.log('role model up to date');
    return;
  }
  writeFileSync(ROLE_MODEL_FILE, text);
  console.log(
    `roles ${data.roles.length}, features ${Object.keys(data.features).length}, ${(text.length / 1024).toFixed(0)} KB`,
  );
  console.log(JSON.stringify(data.measured));
}

if (process.argv[1] && path.resolve(process.argv[1]).endsWith('build-role-model.ts')) main();
