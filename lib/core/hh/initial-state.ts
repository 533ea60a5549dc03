import * as z from 'zod/mini';
import { EXPERIENCE_IDS, WORK_FORMATS, type ExperienceId, type MatchVacancy, type WorkFormat } from '../match/vacancy';
import { hhSiteUrl, type UrlLike } from './page-detect';
import type { CardSalary, SalaryMode } from './salary';
import { anyOf, initialStateTemplate } from './selectors';
import { negativeFlagsOf, type NegativeFlag } from './employer-warnings';

/**
 * The server state hh.ru embeds in every full page load: `<template id="HH-Lux-InitialState">{…json…}</template>`
 * (evidence: 2026-04 NIK SERP fixture; S3R/KHR parsers; KHR vacancy-page extract 2026-09).
 *
 * SPA CAVEAT: hh navigates client-side (pushState) and does NOT refresh the template. The NIK SERP fixture is a
 * search page whose template still holds the `/applicant/my_resumes` state. `readInitialState(doc, pageUrl)`
 * compares the state's own path (`router.location`, else `request.url`) with the page URL and reports
 * `current: false` when they differ; `readTrustedState` returns null then. Page-specific sections
 * (vacancySearchResult, vacancyView) must only be used from a current state. Account-wide sections
 * (applicantResumes, xsrfToken) stay valid across SPA navigation within the session.
 *
 * Schemas are deliberately tolerant: every field is optional and a wrong type degrades to "absent"
 * (`z.catch(…, undefined)`), so one odd field never loses the whole state.
 */

function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

const idSchema = z.pipe(z.union([z.number(), z.string().check(z.minLength(1))]), z.transform(String));

export const compensationSchema = z.looseObject({
  from: lenient(z.nullable(z.number())),
  to: lenient(z.nullable(z.number())),
  currencyCode: lenient(z.string()),
  gross: lenient(z.nullable(z.boolean())),
  /** Present (any value but false/null) when the vacancy has no salary. */
  noCompensation: lenient(z.unknown()),
  mode: lenient(z.string()),
  frequency: lenient(z.string()),
});

const companySchema = z.looseObject({
  id: lenient(idSchema),
  name: lenient(z.string()),
  visibleName: lenient(z.string()),
  /** hh's warnings about the employer (lib/core/hh/employer-warnings.ts); absent for most employers. */
  employersNegativeAttribute: lenient(z.nullable(z.record(z.string(), z.unknown()))),
});

const stateVacancySchema = z.looseObject({
  vacancyId: idSchema,
  name: z.string(),
  company: lenient(z.nullable(companySchema)),
  compensation: lenient(z.nullable(compensationSchema)),
  workExperience: lenient(z.string()),
  /** `["ON_SITE","REMOTE"]` (vacancy page 2026-09) or `[{workFormatsElement:[…]}]` (SERP, KHR). */
  workFormats: lenient(z.array(z.unknown())),
  '@workSchedule': lenient(z.string()),
  area: lenient(z.nullable(z.looseObject({ name: lenient(z.string()) }))),
  address: lenient(z.nullable(z.looseObject({ displayName: lenient(z.string()), rawAddress: lenient(z.string()) }))),
  snippet: lenient(z.nullable(z.looseObject({ req: lenient(z.string()), resp: lenient(z.string()) }))),
  userLabels: lenient(z.array(z.unknown())),
  links: lenient(z.looseObject({ desktop: lenient(z.string()) })),
  responseLetterRequired: lenient(z.boolean()),
  /** The search item's spelling of the same flag (LLR 2026-08). */
  '@responseLetterRequired': lenient(z.boolean()),
  /** The employer's questionnaire must be answered (search items, LLR 2026-08). */
  userTestPresent: lenient(z.boolean()),
  /** hh's `autoResponse.acceptAutoResponse`: false = the employer refuses automatic applications. */
  autoResponse: lenient(z.nullable(z.looseObject({ acceptAutoResponse: lenient(z.boolean()) }))),
  description: lenient(z.string()),
  /** magritte: array (strings or objects); older vacancyView: `{keySkill: string[]}`. */
  keySkills: lenient(z.unknown()),
  closedForApplicants: lenient(z.boolean()),
  status: lenient(z.looseObject({ archived: lenient(z.boolean()) })),
});
type RawStateVacancy = z.infer<typeof stateVacancySchema>;

const locationSchema = z.looseObject({ pathname: lenient(z.string()), search: lenient(z.string()) });

const resumeSchema = z.looseObject({
  _attributes: z.looseObject({
    hash: z.string().check(z.minLength(1)),
    id: lenient(idSchema),
    status: lenient(z.string()),
  }),
  title: lenient(z.array(z.looseObject({ string: lenient(z.string()) }))),
});

export const hhStateSchema = z.looseObject({
  router: lenient(z.looseObject({ location: lenient(locationSchema) })),
  request: lenient(
    z.looseObject({ url: lenient(z.string()), host: lenient(z.string()), luxPageName: lenient(z.string()) }),
  ),
  xsrfToken: lenient(z.string()),
  userType: lenient(z.string()),
  latestResumeHash: lenient(z.string()),
  applicantResumes: lenient(z.array(z.unknown())),
  vacancySearchResult: lenient(
    z.looseObject({ vacancies: lenient(z.array(z.unknown())), totalResults: lenient(z.number()) }),
  ),
  /** Resume-based recommendations on /applicant/negotiations (KHR). */
  suitableVacancies: lenient(z.looseObject({ vacancies: lenient(z.array(z.unknown())) })),
  /** `{<vacancyId>: labels}` beside the vacancy list (KHR). */
  userLabelsForVacancies: lenient(z.record(z.string(), z.unknown())),
  vacancyView: lenient(z.looseObject({})),
  applicantVacancyResponseStatuses: lenient(z.record(z.string(), z.unknown())),
});
export type HhState = z.infer<typeof hhStateSchema>;

export interface InitialState {
  state: HhState;
  /** Path (+query) the state was rendered for: `router.location`, else `request.url`; null when it says neither. */
  statePath: string | null;
  /** true: the state is this page's; false: it is another page's (SPA navigation) — do not trust it; null: unknown. */
  current: boolean | null;
}

const ENTITY: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };

/** Decode HTML character references (`&#34;`, `&quot;`, `&#x27;`, …). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITY[ref.toLowerCase()] ?? m;
  });
}

/** Parse JSON that may be HTML-escaped (`{&#34;a&#34;:1}`). null when it is not a JSON object. */
export function parseMaybeEscapedJson(raw: string): unknown {
  let s = raw.trim();
  if (!s) return null;
  if (/^\{\s*&(?:#34|#x22|quot);/i.test(s) || (!s.startsWith('{') && s.startsWith('&'))) s = decodeEntities(s);
  try {
    return JSON.parse(s) as unknown;
  } catch {
    // A template parsed as HTML may still hold references if they were double-escaped.
    try {
      return JSON.parse(decodeEntities(s)) as unknown;
    } catch {
      return null;
    }
  }
}

/** The raw text of the state element: a <template>'s children live in `.content`, not in the element. */
function templateText(el: Element): string {
  const content = (el as HTMLTemplateElement).content as DocumentFragment | undefined;
  const fromContent = content?.textContent ?? '';
  return fromContent || el.textContent || '';
}

/** Query params that differ between navigations to the same logical page (tracking). */
const TRACKING_PARAMS = new Set([
  'hhtmFrom',
  'hhtmFromLabel',
  'hhtmSource',
  'hhtmSourceLabel',
  'search_session_id',
  'disableBrowserCache',
]);

function normPath(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? '/' : t;
}

function normQuery(search: string): string {
  const params = new URLSearchParams(search);
  const kept: string[] = [];
  for (const [k, v] of params) if (!TRACKING_PARAMS.has(k)) kept.push(`${k}=${v}`);
  return kept.sort().join('&');
}

function statePathOf(state: HhState): { path: string; search: string | null } | null {
  const loc = state.router?.location;
  if (loc?.pathname) return { path: loc.pathname, search: loc.search ?? null };
  const url = state.request?.url;
  if (url) {
    try {
      const u = new URL(url, 'https://hh.ru');
      return { path: u.pathname, search: u.search };
    } catch {
      return null;
    }
  }
  return null;
}

/** Does the state belong to `pageUrl`? Same path, and same non-tracking query when both have one. */
export function stateMatchesUrl(state: HhState, pageUrl: UrlLike): boolean | null {
  const sp = statePathOf(state);
  if (!sp) return null;
  const page = hhSiteUrl(pageUrl);
  if (!page) return null;
  if (normPath(sp.path) !== normPath(page.pathname)) return false;
  if (sp.search !== null && page.search !== '' && sp.search !== '') {
    return normQuery(sp.search) === normQuery(page.search);
  }
  return true;
}

/**
 * Read and validate the page's HH-Lux state. `pageUrl` (normally `location`) enables the SPA staleness check;
 * without it `current` is null. Returns null when there is no template or it is not a JSON object.
 */
export function readInitialState(doc: ParentNode, pageUrl?: UrlLike): InitialState | null {
  const el = doc.querySelector(anyOf(initialStateTemplate));
  if (!el) return null;
  const json = parseMaybeEscapedJson(templateText(el));
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
  const parsed = hhStateSchema.safeParse(json);
  if (!parsed.success) return null;
  const state = parsed.data;
  const sp = statePathOf(state);
  return {
    state,
    statePath: sp ? sp.path + (sp.search ?? '') : null,
    current: pageUrl === undefined ? null : stateMatchesUrl(state, pageUrl),
  };
}

/** The state only when it demonstrably belongs to `pageUrl` (or cannot be checked); null when stale/absent. */
export function readTrustedState(doc: ParentNode, pageUrl: UrlLike): HhState | null {
  const r = readInitialState(doc, pageUrl);
  return r && r.current !== false ? r.state : null;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// Sections
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────

export type StateVacancy = MatchVacancy & {
  salary: CardSalary | null;
  /** From userLabels (heuristic: any label mentioning a response/negotiation/invitation); null when no labels. */
  applied: boolean | null;
  url?: string;
  responseLetterRequired?: boolean;
  /** false: the employer refuses automatic applications (Otklik never queues it by itself). Absent = not said. */
  acceptAutoResponse?: boolean;
  /** hh's warnings about the employer (`company.employersNegativeAttribute`); absent = none said. */
  employerNegative?: NegativeFlag[];
  /** Raw labels, kept for debugging: their shape is not documented. */
  userLabels: unknown[];
};

export const EXPERIENCE_SET: ReadonlySet<string> = new Set(EXPERIENCE_IDS);
const WORK_FORMAT_SET: ReadonlySet<string> = new Set(WORK_FORMATS);
const SALARY_MODES: ReadonlySet<string> = new Set(['MONTH', 'SHIFT', 'HOUR', 'YEAR', 'FLY_IN_FLY_OUT']);

/** hh's work formats of a state vacancy (strings or `{workFormatsElement}`), REMOTE for a remote schedule. */
export function workFormatsOf(raw: unknown[] | undefined, workSchedule: string | undefined): WorkFormat[] {
  const out: WorkFormat[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string' && WORK_FORMAT_SET.has(v) && !out.includes(v as WorkFormat)) out.push(v as WorkFormat);
  };
  for (const item of raw ?? []) {
    if (typeof item === 'string') add(item);
    else if (item && typeof item === 'object') {
      const el = (item as { workFormatsElement?: unknown }).workFormatsElement;
      if (Array.isArray(el)) el.forEach(add);
      else add(el);
    }
  }
  if (!out.length && workSchedule === 'remote') out.push('REMOTE');
  return out;
}

/** A state vacancy's compensation as a card salary (null when it has none). */
export function salaryOf(c: z.infer<typeof compensationSchema> | null | undefined): CardSalary | null {
  if (!c) return null;
  if (c.noCompensation !== undefined && c.noCompensation !== null && c.noCompensation !== false) return null;
  const from = c.from ?? null;
  const to = c.to ?? null;
  if (from === null && to === null) return null;
  const out: CardSalary = { from, to, currency: c.currencyCode ?? null, gross: c.gross ?? null };
  if (c.mode && SALARY_MODES.has(c.mode)) out.mode = c.mode as SalaryMode;
  if (c.frequency) out.frequency = c.frequency;
  return out;
}

const TAGS = /<[^>]*>/g;

function stripTags(s: string): string {
  return decodeEntities(s.replace(TAGS, '')).replace(/\s+/g, ' ').trim();
}

/** KHR's heuristic (hh_pages.py, 2026-09): a label mentioning a response/negotiation/invitation = applied. */
export function labelsMeanApplied(labels: readonly unknown[]): boolean {
  return labels.some((l) =>
    /respon|отклик|negotiation|invitation/i.test(typeof l === 'string' ? l : (JSON.stringify(l) ?? '')),
  );
}

function keySkillsOf(raw: unknown): string[] | undefined {
  const list = Array.isArray(raw)
    ? raw
    : raw && typeof raw === 'object'
      ? (raw as { keySkill?: unknown }).keySkill
      : undefined;
  if (!Array.isArray(list)) return undefined;
  const out: string[] = [];
  for (const s of list) {
    const v =
      typeof s === 'string'
        ? s
        : s && typeof s === 'object'
          ? ((s as { name?: unknown; string?: unknown }).name ?? (s as { string?: unknown }).string)
          : undefined;
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
  }
  return out;
}

function toStateVacancy(v: RawStateVacancy, extraLabels: unknown): StateVacancy {
  const labels = [
    ...(v.userLabels ?? []),
    ...(Array.isArray(extraLabels) ? extraLabels : extraLabels != null ? [extraLabels] : []),
  ];
  const company = v.company;
  const companyName = company?.visibleName ?? company?.name;
  const experience =
    v.workExperience && EXPERIENCE_SET.has(v.workExperience) ? (v.workExperience as ExperienceId) : null;
  const out: StateVacancy = {
    id: v.vacancyId,
    title: v.name,
    employer: companyName ? (company?.id ? { id: company.id, name: companyName } : { name: companyName }) : null,
    salary: salaryOf(v.compensation),
    experience,
    workFormats: workFormatsOf(v.workFormats, v['@workSchedule']),
    applied: labels.length ? labelsMeanApplied(labels) : null,
    userLabels: labels,
  };
  if (v.area?.name) out.area = v.area.name;
  const address = v.address?.displayName ?? v.address?.rawAddress;
  if (address) out.address = address;
  const snippet = [v.snippet?.req, v.snippet?.resp]
    .filter((s): s is string => !!s)
    .map(stripTags)
    .filter(Boolean)
    .join('\n');
  if (snippet) out.snippet = snippet;
  if (v.links?.desktop) out.url = v.links.desktop;
  const letter = v.responseLetterRequired ?? v['@responseLetterRequired'];
  if (letter !== undefined) out.responseLetterRequired = letter;
  const negative = negativeFlagsOf(company?.employersNegativeAttribute);
  if (negative.length) out.employerNegative = negative;
  const auto = v.autoResponse?.acceptAutoResponse;
  if (auto !== undefined) out.acceptAutoResponse = auto;
  if (v.description) out.description = v.description;
  const skills = keySkillsOf(v.keySkills);
  if (skills) out.keySkills = skills;
  return out;
}

/**
 * Vacancies of a search page state (`vacancySearchResult.vacancies[]`; falls back to the negotiations page's
 * `suitableVacancies.vacancies[]`). Items without id/name are skipped. Use only a CURRENT state (see above).
 */
export function stateVacancies(state: HhState): StateVacancy[] {
  const list = state.vacancySearchResult?.vacancies ?? state.suitableVacancies?.vacancies ?? [];
  const extra = state.userLabelsForVacancies ?? {};
  const out: StateVacancy[] = [];
  for (const item of list) {
    const r = stateVacancySchema.safeParse(item);
    if (r.success) out.push(toStateVacancy(r.data, extra[r.data.vacancyId]));
  }
  return out;
}

export interface StateResume {
  hash: string;
  title: string;
  id?: string;
  status?: string;
  /** The resume hh considers most recent (`latestResumeHash`). */
  latest: boolean;
}

/** The applicant's resumes (`applicantResumes[]`, any logged-in page; valid across SPA navigation). */
export function stateResumes(state: HhState): StateResume[] {
  const out: StateResume[] = [];
  for (const item of state.applicantResumes ?? []) {
    const r = resumeSchema.safeParse(item);
    if (!r.success) continue;
    const a = r.data._attributes;
    const title = (r.data.title ?? [])
      .map((t) => t.string ?? '')
      .join(' ')
      .trim();
    const res: StateResume = { hash: a.hash, title, latest: a.hash === state.latestResumeHash };
    if (a.id) res.id = a.id;
    if (a.status) res.status = a.status;
    out.push(res);
  }
  return out;
}

/** `xsrfToken` of the session (same value as the `_xsrf` cookie), or null. */
export function stateXsrf(state: HhState): string | null {
  return state.xsrfToken || null;
}

export type StateVacancyView = StateVacancy & {
  /** `applicantVacancyResponseStatuses[id].alreadyApplied`, else the userLabels heuristic; null = unknown. */
  alreadyApplied: boolean | null;
  /** `applicantVacancyResponseStatuses[id].test.hasTests`; null = unknown. */
  testRequired: boolean | null;
  /** `responseLetterRequired` of the vacancy; null = unknown. */
  letterRequired: boolean | null;
  archived: boolean | null;
  closedForApplicants: boolean | null;
  /** Which state shape it came from. */
  shape: 'magritte' | 'legacy';
};

const responseStatusSchema = z.looseObject({
  alreadyApplied: lenient(z.boolean()),
  test: lenient(z.looseObject({ hasTests: lenient(z.boolean()) })),
  letterRequired: lenient(z.boolean()),
});

/**
 * The vacancy of a vacancy-page state: magritte experiment shape `vacancyView.vacancyFull.vacancy`
 * (+ `vacancyFull.extraVacancyFields.userLabels`; KHR fixture 2026-09) or the older flat `vacancyView.{vacancyId,
 * name, description, keySkills.keySkill}` (KHR parser). null when neither is there.
 */
export function stateVacancyView(state: HhState): StateVacancyView | null {
  const vv = state.vacancyView as Record<string, unknown> | undefined;
  if (!vv) return null;
  const full = vv.vacancyFull as Record<string, unknown> | undefined;
  let shape: StateVacancyView['shape'];
  let raw: unknown;
  let extraLabels: unknown;
  if (full && typeof full === 'object' && full.vacancy && typeof full.vacancy === 'object') {
    shape = 'magritte';
    raw = full.vacancy;
    const extra = full.extraVacancyFields as { userLabels?: unknown } | undefined;
    extraLabels = extra?.userLabels;
  } else if ('vacancyId' in vv) {
    shape = 'legacy';
    raw = vv;
  } else return null;
  const r = stateVacancySchema.safeParse(raw);
  if (!r.success) return null;
  const v = toStateVacancy(r.data, extraLabels);
  const statusRaw = state.applicantVacancyResponseStatuses?.[v.id];
  const st = statusRaw === undefined ? null : responseStatusSchema.safeParse(statusRaw);
  const status = st?.success ? st.data : null;
  return {
    ...v,
    alreadyApplied: status?.alreadyApplied ?? (v.applied === true ? true : null),
    testRequired: status?.test?.hasTests ?? r.data.userTestPresent ?? null,
    letterRequired: v.responseLetterRequired ?? status?.letterRequired ?? null,
    archived: r.data.status?.archived ?? null,
    closedForApplicants: r.data.closedForApplicants ?? null,
    shape,
  };
}
