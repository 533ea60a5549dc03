import * as z from 'zod/mini';
import type { ExperienceId, MatchVacancy } from '../match/vacancy';
import {
  compensationSchema,
  EXPERIENCE_SET,
  hhStateSchema,
  labelsMeanApplied,
  parseMaybeEscapedJson,
  salaryOf,
  stateMatchesUrl,
  workFormatsOf,
} from './initial-state';
import type { UrlLike } from './page-detect';
import type { CardSalary } from './salary';
import { negativeFlagsOf, type NegativeFlag } from './employer-warnings';

/**
 * A search page's vacancies from its embedded state (`<template id="HH-Lux-InitialState">` →
 * `vacancySearchResult.vacancies[]`), with what the cards never show: professional roles, the employer's
 * negative attributes, hh's auto-response flag, required letter / test, competition, applied labels.
 *
 * Evidence: KHR raw anonymous search 2026-09 (`&#34;`-escaped template, 10 items, no snippet) and the LLR
 * logged-in page saved from a browser 2026-08 (plain JSON, snippet, `autoResponse`, `employersNegativeAttribute`
 * per its notes). The server renders only part of a long list as HTML; the state holds all of them.
 *
 * The state can be another page's (hh navigates client-side without refreshing the template): it is used only
 * when its own path matches the page URL (when it says one) and it holds every card id the page shows.
 * Anything else is a `reason`, and the caller reads the cards' DOM as before.
 */

export type StateProblem = 'absent' | 'unrecognised' | 'no-vacancies' | 'stale-url' | 'stale-ids';

export { NEGATIVE_FLAGS, type NegativeFlag } from './employer-warnings';

export type ListingVacancy = MatchVacancy & {
  salary: CardSalary | null;
  employer: { id?: string; name: string; negative: NegativeFlag[] } | null;
  /** hh's professional role ids (`professionalRoleIds[].professionalRoleId[]`), as strings. */
  professionalRoleIds: string[];
  /** `autoResponse.acceptAutoResponse`: false = the employer refuses automatic applications; null = not said. */
  acceptAutoResponse: boolean | null;
  /** `@responseLetterRequired`. */
  letterRequired: boolean | null;
  /** `userTestPresent`: the employer's questionnaire must be answered. */
  testRequired: boolean | null;
  /** From `userLabels` (+ `userLabelsForVacancies`); null when there are none. */
  applied: boolean | null;
  responsesCount: number | null;
  url?: string;
};

export type ListingStateResult =
  | { ok: true; vacancies: ListingVacancy[]; /** items of the array that were not vacancies */ skipped: number }
  | { ok: false; reason: StateProblem; detail?: string };

const lenient = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);
const idSchema = z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d{1,12}$/))]), z.transform(String));

const itemSchema = z.looseObject({
  vacancyId: idSchema,
  name: z.string().check(z.minLength(1)),
  company: lenient(
    z.nullable(
      z.looseObject({
        id: lenient(idSchema),
        name: lenient(z.string()),
        visibleName: lenient(z.string()),
        employersNegativeAttribute: lenient(z.nullable(z.record(z.string(), z.unknown()))),
      }),
    ),
  ),
  compensation: lenient(z.nullable(compensationSchema)),
  workExperience: lenient(z.string()),
  workFormats: lenient(z.array(z.unknown())),
  '@workSchedule': lenient(z.string()),
  '@responseLetterRequired': lenient(z.boolean()),
  responseLetterRequired: lenient(z.boolean()),
  professionalRoleIds: lenient(z.array(z.unknown())),
  userTestPresent: lenient(z.boolean()),
  autoResponse: lenient(z.nullable(z.looseObject({ acceptAutoResponse: lenient(z.boolean()) }))),
  userLabels: lenient(z.array(z.unknown())),
  responsesCount: lenient(z.number()),
  area: lenient(z.nullable(z.looseObject({ name: lenient(z.string()) }))),
  address: lenient(z.nullable(z.looseObject({ displayName: lenient(z.string()), rawAddress: lenient(z.string()) }))),
  snippet: lenient(
    z.nullable(z.looseObject({ req: lenient(z.nullable(z.string())), resp: lenient(z.nullable(z.string())) })),
  ),
  links: lenient(z.looseObject({ desktop: lenient(z.string()) })),
});
type Item = z.infer<typeof itemSchema>;

/** `[{"professionalRoleId":[96]}]` (KHR, LLR) or plain ids → ['96']. */
function roleIdsOf(raw: unknown[] | undefined): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '';
    if (/^\d{1,6}$/.test(s) && !out.includes(s)) out.push(s);
  };
  for (const item of raw ?? []) {
    if (item && typeof item === 'object') {
      const ids = (item as { professionalRoleId?: unknown }).professionalRoleId;
      if (Array.isArray(ids)) ids.forEach(add);
      else add(ids);
    } else add(item);
  }
  return out;
}

/** Snippet parts carry hh's `<highlighttext>` marks and entities: plain text only. */
function plain(s: string): string {
  return s
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function toVacancy(v: Item, extraLabels: unknown): ListingVacancy {
  const labels = [...(v.userLabels ?? []), ...(Array.isArray(extraLabels) ? extraLabels : [])];
  const company = v.company;
  const name = company?.visibleName ?? company?.name;
  const out: ListingVacancy = {
    id: v.vacancyId,
    title: v.name,
    employer: name
      ? {
          ...(company?.id ? { id: company.id } : {}),
          name,
          negative: negativeFlagsOf(company?.employersNegativeAttribute),
        }
      : null,
    salary: salaryOf(v.compensation),
    experience: v.workExperience && EXPERIENCE_SET.has(v.workExperience) ? (v.workExperience as ExperienceId) : null,
    workFormats: workFormatsOf(v.workFormats, v['@workSchedule']),
    professionalRoleIds: roleIdsOf(v.professionalRoleIds),
    acceptAutoResponse: v.autoResponse?.acceptAutoResponse ?? null,
    letterRequired: v['@responseLetterRequired'] ?? v.responseLetterRequired ?? null,
    testRequired: v.userTestPresent ?? null,
    applied: labels.length ? labelsMeanApplied(labels) : null,
    responsesCount: v.responsesCount ?? null,
  };
  if (v.area?.name) out.area = v.area.name;
  const address = v.address?.displayName ?? v.address?.rawAddress;
  if (address) out.address = address;
  const snippet = [v.snippet?.req, v.snippet?.resp]
    .filter((s): s is string => !!s)
    .map(plain)
    .filter(Boolean)
    .join('\n');
  if (snippet) out.snippet = snippet;
  if (v.links?.desktop) out.url = v.links.desktop;
  return out;
}

/**
 * The vacancies of a parsed state object, if it is this page's: `pageUrl` is checked against the state's own
 * path (`router.location` / `request.url`), and every id in `pageIds` (the cards already on the page) must be
 * in the state. A bad item is skipped (counted), never the whole list.
 */
export function listingStateFromJson(
  json: unknown,
  pageUrl: UrlLike | null,
  pageIds: readonly string[],
): ListingStateResult {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, reason: 'unrecognised', detail: 'the state is not a JSON object' };
  const parsed = hhStateSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'unrecognised', detail: 'the state object has an unexpected shape' };
  const state = parsed.data;
  if (pageUrl !== null && stateMatchesUrl(state, pageUrl) === false)
    return {
      ok: false,
      reason: 'stale-url',
      detail: 'the state was rendered for another address (client-side navigation)',
    };
  const list = state.vacancySearchResult?.vacancies;
  if (!list) return { ok: false, reason: 'no-vacancies', detail: 'no vacancySearchResult.vacancies in the state' };
  const extra = state.userLabelsForVacancies ?? {};
  const vacancies: ListingVacancy[] = [];
  let skipped = 0;
  for (const item of list) {
    const r = itemSchema.safeParse(item);
    if (r.success) vacancies.push(toVacancy(r.data, extra[r.data.vacancyId]));
    else skipped++;
  }
  if (!vacancies.length && list.length)
    return { ok: false, reason: 'unrecognised', detail: `none of the ${list.length} items is a vacancy` };
  const ids = new Set(vacancies.map((v) => v.id));
  const missing = pageIds.filter((id) => !ids.has(id));
  if (missing.length)
    return {
      ok: false,
      reason: 'stale-ids',
      detail: `${missing.length} of ${pageIds.length} cards on the page are not in the state`,
    };
  return { ok: true, vacancies, skipped };
}

/** The same from the template's text (plain JSON, or `&#34;`-escaped as the raw server answer has it). */
export function listingStateFromText(
  text: string | null,
  pageUrl: UrlLike | null,
  pageIds: readonly string[],
): ListingStateResult {
  if (text === null || !text.trim()) return { ok: false, reason: 'absent', detail: 'no HH-Lux-InitialState template' };
  const json = parseMaybeEscapedJson(text);
  if (json === null) return { ok: false, reason: 'unrecognised', detail: 'the template is not JSON' };
  return listingStateFromJson(json, pageUrl, pageIds);
}

const TEMPLATE_OPEN = /<template\b[^>]*\bid\s*=\s*["']?HH-Lux-InitialState\b[^>]*>/i;

/** The template's raw text in an HTML string (no DOM: the CLI and Node tests), or null when there is none. */
export function stateTextFromHtml(html: string): string | null {
  const open = TEMPLATE_OPEN.exec(html);
  if (!open) return null;
  const start = open.index + open[0].length;
  const end = html.indexOf('</template>', start);
  return end < 0 ? null : html.slice(start, end);
}
