/**
 * The vacancy corpus: the real hh API-shaped records from ../shared/data/vacancies.jsonl.gz, normalised once
 * into what the fake pages need, plus the search that hh's listing does over them (a plain token match — as noisy
 * as the real one). Falls back to the repo's demo set (synthetic.ts) when the shared data is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { fnv1a } from './hash.ts';
import { EXPERIENCE_IDS, stripHtml, type ExperienceId, type Frequency, type SalaryLike } from './format.ts';
import { SYNTHETIC_VACANCIES } from './synthetic.ts';

export type WorkFormat = 'ON_SITE' | 'REMOTE' | 'HYBRID' | 'FIELD_WORK';
export type EmploymentForm = 'FULL' | 'PART' | 'PROJECT' | 'FLY_IN_FLY_OUT';

/** How the apply endpoint treats a vacancy; derived from the id (plus the record's own flags where it has them). */
export interface VacancyKind {
  hasTest: boolean;
  letterRequired: boolean;
  archived: boolean;
  /** A "direct" vacancy: the employer takes responses on its own site (`response_url`). */
  external: boolean;
}

export interface Vacancy {
  id: number;
  /** The id in the source file (non-numeric for some datasets). */
  sourceId: string;
  name: string;
  employer: { id: number; name: string } | null;
  salary: (SalaryLike & { frequency: Frequency | null }) | null;
  experience: ExperienceId;
  scheduleText: string | null;
  employmentForm: EmploymentForm;
  workFormats: WorkFormat[];
  remote: boolean;
  area: string;
  address: string | null;
  metro: string | null;
  keySkills: string[];
  /** As in the source: HTML for API records, plain text for scraped ones (rendered by `descriptionHtml`). */
  description: string;
  publishedAt: string;
  kind: VacancyKind;
  /** hh professional role ids when the record has them (the corpus mostly does not). */
  roles: string[];
  responseUrl: string | null;
  /** Deterministic "people looking now" / rating numbers for the card decorations. */
  watchers: number;
}

/** A loose view of one JSONL record: only what we read, all optional (the datasets differ). */
interface RawRecord {
  id?: unknown;
  name?: unknown;
  employer?: { id?: unknown; name?: unknown } | null;
  salary?: { from?: unknown; to?: unknown; currency?: unknown; gross?: unknown } | null;
  salary_range?: { frequency?: { id?: unknown } | null } | null;
  experience?: { id?: unknown } | null;
  schedule_text?: unknown;
  schedule?: { id?: unknown; name?: unknown } | null;
  employment?: { id?: unknown } | null;
  work_format?: Array<{ id?: unknown }> | null;
  address?: string | { raw?: unknown; city?: unknown; metro?: { station_name?: unknown } | null } | null;
  area?: { name?: unknown } | null;
  key_skills?: Array<{ name?: unknown }> | null;
  description?: unknown;
  published_at?: unknown;
  has_test?: unknown;
  response_letter_required?: unknown;
  archived?: unknown;
  type?: { id?: unknown } | null;
  response_url?: unknown;
  professional_roles?: Array<{ id?: unknown }> | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function kindFromId(id: number): VacancyKind {
  const h = fnv1a(`kind:${id}`) % 100;
  return { hasTest: h < 5, letterRequired: h >= 5 && h < 10, archived: h >= 10 && h < 12, external: h >= 12 && h < 14 };
}

const BASE_DATE = Date.UTC(2026, 10, 20, 9, 0, 0); // 2026-11-20 12:00 MSK

export function normalise(raw: RawRecord, takenIds: Set<number>): Vacancy | null {
  const sourceId = typeof raw.id === 'number' ? String(raw.id) : str(raw.id);
  const name = str(raw.name);
  if (!sourceId || !name) return null;
  let id = /^\d{1,12}$/.test(sourceId) ? Number(sourceId) : 900_000_000 + (fnv1a(sourceId) % 90_000_000);
  if (takenIds.has(id)) {
    if (/^\d+$/.test(sourceId)) return null; // a true duplicate record
    while (takenIds.has(id)) id += 1;
  }
  takenIds.add(id);
  const h = fnv1a(`v:${id}`);

  const employerName = str(raw.employer?.name);
  const employerId = num(Number(raw.employer?.id));
  const employer = employerName
    ? { id: employerId ?? 1_000_000 + (fnv1a(employerName) % 8_999_999), name: employerName }
    : null;

  let salary: Vacancy['salary'] = null;
  const from = num(raw.salary?.from);
  const to = num(raw.salary?.to);
  if (raw.salary && (from !== null || to !== null)) {
    const fq = str(raw.salary_range?.frequency?.id);
    const frequency: Frequency | null =
      fq === 'MONTHLY' || fq === 'TWICE_PER_MONTH' || fq === 'WEEKLY' || fq === 'DAILY'
        ? fq
        : h % 3 === 0
          ? 'MONTHLY'
          : h % 7 === 1
            ? 'TWICE_PER_MONTH'
            : null;
    salary = { from, to, currency: str(raw.salary.currency) ?? 'RUR', gross: raw.salary.gross === true, frequency };
  }

  const expId = str(raw.experience?.id);
  const experience: ExperienceId = EXPERIENCE_IDS.includes(expId as ExperienceId)
    ? (expId as ExperienceId)
    : 'between1And3';

  const scheduleText =
    str(raw.schedule_text) ??
    (str(raw.schedule?.name) ? `Полная занятость, ${String(raw.schedule?.name).toLowerCase()}` : null);
  const formats = new Set<WorkFormat>();
  for (const wf of raw.work_format ?? []) {
    const f = str(wf.id);
    if (f === 'ON_SITE' || f === 'REMOTE' || f === 'HYBRID' || f === 'FIELD_WORK') formats.add(f);
  }
  if (formats.size === 0)
    formats.add(/удал[её]н/i.test(scheduleText ?? '') || raw.schedule?.id === 'remote' ? 'REMOTE' : 'ON_SITE');
  const remote = formats.has('REMOTE') || /удал/i.test(scheduleText ?? '');
  const st = (scheduleText ?? '').toLowerCase();
  const employmentForm: EmploymentForm = st.startsWith('частичная')
    ? 'PART'
    : st.startsWith('проектная')
      ? 'PROJECT'
      : st.includes('вахт')
        ? 'FLY_IN_FLY_OUT'
        : 'FULL';

  let address: string | null = null;
  let metro: string | null = null;
  if (typeof raw.address === 'string') address = str(raw.address);
  else if (raw.address) {
    address = str(raw.address.raw) ?? str(raw.address.city);
    metro = str(raw.address.metro?.station_name);
  }
  const area = str(raw.area?.name) ?? (address ? (address.split(',')[0] ?? '').trim() || 'Москва' : 'Москва');

  const keySkills = (raw.key_skills ?? []).map((k) => str(k.name)).filter((k): k is string => k !== null);
  const description = str(raw.description) ?? '';
  const published = str(raw.published_at) ?? new Date(BASE_DATE - (h % (30 * 24 * 60)) * 60_000).toISOString();

  const kind = kindFromId(id);
  if (raw.has_test === true) kind.hasTest = true;
  if (raw.response_letter_required === true) kind.letterRequired = true;
  if (raw.archived === true) kind.archived = true;
  const directUrl = str(raw.response_url);
  if (raw.type?.id === 'direct' || directUrl) kind.external = true;
  const responseUrl = kind.external ? (directUrl ?? `https://career.example.com/jobs/${id}`) : null;

  return {
    id,
    sourceId,
    name,
    employer,
    salary,
    experience,
    scheduleText,
    employmentForm,
    workFormats: [...formats],
    remote,
    area,
    address,
    metro,
    keySkills,
    description,
    publishedAt: published,
    kind,
    roles: (raw.professional_roles ?? [])
      .map((r) => (typeof r?.id === 'string' || typeof r?.id === 'number' ? String(r.id) : ''))
      .filter((r) => /^\d+$/.test(r)),
    responseUrl,
    watchers: 2 + (h % 29),
  };
}

// ---------- loading ----------

export interface LoadedData {
  vacancies: Vacancy[];
  source: 'shared' | 'synthetic';
  file: string | null;
  loadMs: number;
}

const loadCache = new Map<string, Promise<LoadedData>>();

export const DEFAULT_SHARED_DIR = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../shared');

/** Reads and normalises the corpus once per file per process (stream-parsed gzip JSONL). */
export function loadVacancies(sharedDir: string = DEFAULT_SHARED_DIR): Promise<LoadedData> {
  const file = path.join(sharedDir, 'data', 'vacancies.jsonl.gz');
  let p = loadCache.get(file);
  if (!p) {
    p = readCorpus(file);
    loadCache.set(file, p);
  }
  return p;
}

async function readCorpus(file: string): Promise<LoadedData> {
  const t0 = performance.now();
  if (!fs.existsSync(file)) {
    const taken = new Set<number>();
    const vacancies = SYNTHETIC_VACANCIES.map((r) => normalise(r, taken)).filter((v): v is Vacancy => v !== null);
    return { vacancies, source: 'synthetic', file: null, loadMs: performance.now() - t0 };
  }
  const taken = new Set<number>();
  const vacancies: Vacancy[] = [];
  const lines = readline.createInterface({
    input: fs.createReadStream(file).pipe(zlib.createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let raw: RawRecord;
    try {
      raw = JSON.parse(line) as RawRecord;
    } catch {
      continue;
    }
    const v = normalise(raw, taken);
    if (v) vacancies.push(v);
  }
  return { vacancies, source: 'shared', file, loadMs: performance.now() - t0 };
}

// ---------- rendering helpers that depend on the data ----------

const SECTION_HEADERS =
  /(Обязанности:|Требования:|Условия:|Задачи:|Мы предлагаем:|Что мы предлагаем:|Пожелания к кандидату:|Наши преимущества:|Будет плюсом:|Что нужно делать:|Что мы ждем:|Что мы ждём:)/g;

export function isHtmlDescription(d: string): boolean {
  return /<(p|ul|li|br|strong|b|ol)\b/i.test(d);
}

/** Description as HTML: API HTML is passed through (minus scripts/handlers); scraped plain text gets paragraphs. */
export function descriptionHtml(v: Vacancy): string {
  const d = v.description;
  if (isHtmlDescription(d)) {
    return d
      .replace(/<(script|style|iframe|object|embed)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/\son\w+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      .replace(/javascript:/gi, '');
  }
  // scraped pages carry the page's tail ("Ключевые навыки…Контактная информация…") glued on: cut it off
  let text = d;
  const tail = text.search(/Ключевые навыки|Контактная информация|Задайте вопрос работодателю/);
  if (tail > 80) text = text.slice(0, tail);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = text.split(SECTION_HEADERS).map((s) => s.trim());
  let html = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (!part) continue;
    if (SECTION_HEADERS.test(part) && part.length < 40) {
      SECTION_HEADERS.lastIndex = 0;
      html += `<p><strong>${esc(part)}</strong></p> `;
    } else {
      SECTION_HEADERS.lastIndex = 0;
      html += `<p>${esc(part)}</p> `;
    }
  }
  return html.trim();
}

function sectionAfter(text: string, header: RegExp): string {
  const m = header.exec(text);
  if (!m) return '';
  const rest = text.slice(m.index + m[0].length).trim();
  const end = rest.search(/(Обязанности|Требования|Условия|Мы предлагаем|Задачи|Что мы предлагаем)\s*:/);
  const cut = end > 0 ? rest.slice(0, end) : rest;
  return cut.length > 160 ? `${cut.slice(0, 157).replace(/\s+\S*$/, '')}...` : cut;
}

const snippetCache = new Map<number, { req: string; resp: string }>();

/** hh-style snippet: the start of the requirements and responsibilities sections. */
export function snippetOf(v: Vacancy): { req: string; resp: string } {
  const cached = snippetCache.get(v.id);
  if (cached) return cached;
  const text = stripHtml(v.description.slice(0, 6000));
  const snippet = {
    req: sectionAfter(text, /(Требования|Пожелания к кандидату|Что мы ждем|Что мы ждём)\s*:/),
    resp: sectionAfter(text, /(Обязанности|Задачи|Что нужно делать)\s*:/),
  };
  if (!snippet.req && !snippet.resp)
    snippet.resp = text.length > 160 ? `${text.slice(0, 157).replace(/\s+\S*$/, '')}...` : text;
  if (snippetCache.size > 20_000) snippetCache.clear();
  snippetCache.set(v.id, snippet);
  return snippet;
}

// ---------- search ----------

export interface SearchQuery {
  text: string;
  experience: string[];
  /** hh area ids (1 = Москва, 2 = Санкт-Петербург, 113 = Россия, …). Unknown ids are ignored. */
  area: string[];
  workFormat: string[];
}

export const AREA_NAMES: Record<string, string> = {
  '1': 'Москва',
  '2': 'Санкт-Петербург',
  '3': 'Екатеринбург',
  '4': 'Новосибирск',
  '66': 'Нижний Новгород',
  '88': 'Казань',
  '96': 'Ижевск',
  '78': 'Самара',
  '76': 'Ростов-на-Дону',
  '26': 'Воронеж',
  '104': 'Челябинск',
  '99': 'Уфа',
  '53': 'Краснодар',
  '54': 'Красноярск',
  '68': 'Омск',
  '72': 'Пермь',
  '160': 'Алматы',
  '1002': 'Минск',
  '2759': 'Ташкент',
};

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((t) => t.length >= 2); // one-letter tokens would match every vacancy
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Vacancies matching the query, best first. AND over tokens; a token matches as a substring of name, skills or description. */
export function searchVacancies(vacancies: readonly Vacancy[], q: SearchQuery): Vacancy[] {
  const tokens = tokenize(q.text).slice(0, 8);
  const res = tokens.map((t) => new RegExp(escapeRe(t), 'i'));
  const exp = new Set(q.experience.filter((e) => EXPERIENCE_IDS.includes(e as ExperienceId)));
  const areas = new Set(q.area.filter((a) => a !== '113' && AREA_NAMES[a]).map((a) => AREA_NAMES[a]));
  const formats = new Set(q.workFormat);
  const scored: Array<{ v: Vacancy; score: number; tie: number }> = [];
  outer: for (const v of vacancies) {
    if (exp.size && !exp.has(v.experience)) continue;
    if (areas.size && !areas.has(v.area)) continue;
    if (formats.size && !v.workFormats.some((f) => formats.has(f))) continue;
    let score = 0;
    if (res.length) {
      const skills = v.keySkills.join(' | ');
      for (const re of res) {
        if (re.test(v.name)) score += 10;
        else if (re.test(skills)) score += 3;
        else if (re.test(v.description)) score += 1;
        else continue outer;
      }
    }
    scored.push({ v, score, tie: fnv1a(`order:${v.id}`) });
  }
  scored.sort((a, b) => b.score - a.score || a.tie - b.tie);
  return scored.map((s) => s.v);
}
