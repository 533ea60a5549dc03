import * as z from 'zod/mini';
import { HH_ORIGIN } from './urls';
import { DRIVER_LICENCES, LANGUAGE_LEVELS, type Language } from '../match/vacancy';
import type { ExperienceId } from '../match/vacancy';
import { languageIdOfName } from './catalogue';
import { decodeEntities, hhStateSchema, parseMaybeEscapedJson } from './initial-state';

/**
 * "Fill in my profile from my hh.ru resume": everything Otklik can read of one of the user's resumes.
 *
 * Two sources on one page, `GET /resume/<hash>` with the user's session (read as text: the service worker has
 * no DOMParser):
 *  1. The HH-Lux-InitialState of any logged-in page lists the user's resumes (`applicantResumes[]`): title,
 *     `keySkills[{string}]`, `totalExperience[{string: months}]`, `salary[{amount,currency}]`,
 *     `area[{title}]`, `professionalRole[{string: id}]`. Real shape: the NIK SERP fixture (2026-04), tested in
 *     resume-profile.test.ts.
 *  2. The resume page's own blocks for the text: `resume-block-title-position`, `resume-block-skills-content`
 *     ("about me"), `resume-block-experience-position` / `-description` per job, `bloko-tag__text` skills,
 *     `resume-block-driver-experience` ("Права категории B, C"), `resume-block-language-item` ("Английский — B2 —
 *     Средне-продвинутый", "Русский — Родной").
 *     NO real fixture of a resume page exists in ../shared: these data-qa come from several independent
 *     scrapers (2019–2025 bloko markup; hh-site.md does not document the page) and are tested only on a
 *     synthetic page (and served by test/fake-hh in that shape). If hh changed them, the import still fills
 *     title/skills/experience from (1) and says the text was not found.
 */
export interface ResumeProfile {
  hash: string;
  title: string;
  skills: string[];
  /** From the total months of experience; null = unknown. */
  experience: ExperienceId | null;
  totalExperienceMonths: number | null;
  /** Desired salary in roubles per month (RUR only); null = none or another currency. */
  salary: number | null;
  city: string | null;
  /** About me + each job's position and description, as plain text ('' = not found on the page). */
  text: string;
  /** hh professional role ids of the resume ([] = none found). */
  professionalRoles: string[];
  /** Driving licence categories (hh ids) the resume states ([] = none found). */
  driverLicences: string[];
  /** Languages with hh levels ([] = none found). */
  languages: Language[];
}

const strings = z.catch(
  z.array(z.looseObject({ string: z.catch(z.optional(z.union([z.string(), z.number()])), undefined) })),
  [],
);
const stateResume = z.looseObject({
  _attributes: z.looseObject({ hash: z.string().check(z.minLength(1)) }),
  title: z.optional(strings),
  keySkills: z.optional(strings),
  totalExperience: z.optional(strings),
  salary: z.catch(
    z.optional(
      z.array(
        z.looseObject({
          amount: z.catch(z.optional(z.number()), undefined),
          currency: z.catch(z.optional(z.string()), undefined),
        }),
      ),
    ),
    undefined,
  ),
  area: z.catch(z.optional(z.array(z.looseObject({ title: z.catch(z.optional(z.string()), undefined) }))), undefined),
  professionalRole: z.optional(strings),
});

const TEMPLATE = /<template[^>]*\bid="HH-Lux-InitialState"[^>]*>([\s\S]*?)<\/template>/i;

/** hh's experience buckets from total months (under a year counts as "no experience", as hh's filter does). */
export function experienceOfMonths(months: number | null): ExperienceId | null {
  if (months === null || !Number.isFinite(months) || months < 0) return null;
  if (months < 12) return 'noExperience';
  if (months < 36) return 'between1And3';
  if (months < 72) return 'between3And6';
  return 'moreThan6';
}

/** The resume `hash` from the embedded state's `applicantResumes`, without the page text; null when absent. */
export function resumeFromState(
  html: string,
  hash: string,
): Omit<ResumeProfile, 'text' | 'driverLicences' | 'languages'> | null {
  const m = TEMPLATE.exec(html);
  if (!m?.[1]) return null;
  const state = hhStateSchema.safeParse(parseMaybeEscapedJson(m[1]));
  if (!state.success) return null;
  for (const item of state.data.applicantResumes ?? []) {
    const r = stateResume.safeParse(item);
    if (!r.success || r.data._attributes.hash.toLowerCase() !== hash.toLowerCase()) continue;
    const texts = (list: z.infer<typeof strings> | undefined) =>
      (list ?? []).map((x) => String(x.string ?? '').trim()).filter(Boolean);
    const months = Number(r.data.totalExperience?.[0]?.string);
    const salary = r.data.salary?.[0];
    const totalExperienceMonths = Number.isFinite(months) && r.data.totalExperience?.length ? months : null;
    return {
      hash: r.data._attributes.hash,
      title: texts(r.data.title).join(' '),
      skills: [...new Set(texts(r.data.keySkills))],
      experience: experienceOfMonths(totalExperienceMonths),
      totalExperienceMonths,
      salary: salary?.amount !== undefined && salary.currency === 'RUR' ? salary.amount : null,
      city: r.data.area?.[0]?.title?.trim() || null,
      professionalRoles: [...new Set(texts(r.data.professionalRole).filter((id) => /^\d{1,4}$/.test(id)))],
    };
  }
  return null;
}

const BLOCK = /<\/?(?:p|div|li|ul|ol|br|h\d)\b[^>]*>/gi;
/** Named references that typed Russian text carries, beyond the markup ones decodeEntities knows. */
const TYPOGRAPHY: Record<string, string> = {
  laquo: '«',
  raquo: '»',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  bull: '•',
  middot: '·',
};
const typography = (s: string) =>
  s.replace(/&(laquo|raquo|mdash|ndash|hellip|bull|middot);/gi, (_, n: string) => TYPOGRAPHY[n.toLowerCase()]!);

/** Plain text of an HTML fragment: block tags become line breaks, entities decoded, blank runs collapsed. */
function plain(fragment: string): string {
  return decodeEntities(typography(fragment.replace(BLOCK, '\n').replace(/<[^>]+>/g, '')))
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Inner HTML of every element whose data-qa is exactly `qa` (nested same-name tags balanced). */
export function innerHtmlByDataQa(html: string, qa: string): string[] {
  const out: string[] = [];
  const attr = new RegExp(`data-qa="${qa.replace(/[-]/g, '\\-')}"`, 'g');
  for (const m of html.matchAll(attr)) {
    const open = html.lastIndexOf('<', m.index);
    const name = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(open))?.[1]?.toLowerCase();
    const start = html.indexOf('>', m.index) + 1;
    if (!name || start === 0) continue;
    const tags = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
    tags.lastIndex = start;
    let depth = 1;
    let end = -1;
    for (let t = tags.exec(html); t; t = tags.exec(html)) {
      depth += t[1] ? -1 : t[0].endsWith('/>') ? 0 : 1;
      if (depth === 0) {
        end = t.index;
        break;
      }
    }
    if (end > 0) out.push(html.slice(start, end));
  }
  return out;
}

const CYR_LAT: Record<string, string> = { А: 'A', В: 'B', С: 'C', Д: 'D', Е: 'E', Т: 'T', М: 'M' };

/** Licence categories in "Права категории B, C, CE" (Cyrillic look-alikes read as Latin), in hh's ids. */
export function licencesOfText(text: string): string[] {
  const at = text.search(/категор/i);
  if (at < 0) return [];
  const out = new Set<string>();
  for (const m of (text.slice(at).split('\n')[0] ?? '').matchAll(
    /(?<![A-Za-zА-Яа-яЁё])([A-EАВСДЕ][EЕ]?|T[MBМВ]|Т[MBМВ])(?![A-Za-zА-Яа-яЁё])/g,
  )) {
    const id = [...(m[1] ?? '')].map((ch) => CYR_LAT[ch] ?? ch).join('');
    if ((DRIVER_LICENCES as readonly string[]).includes(id)) out.add(id);
  }
  return [...out];
}

/** A language line of a resume ("Английский — B2 — Средне-продвинутый", "Русский — Родной") → hh id and level. */
export function languageOfLine(line: string): Language | null {
  const [name = '', ...rest] = line.split(/\s+[—–-]\s+/);
  const code = languageIdOfName(name);
  const tail = rest.join(' ');
  const level = /родной|native/i.test(tail)
    ? 'l1'
    : (/(?<![A-Za-z])([ABC][12])(?![0-9])/i.exec(tail)?.[1]?.toLowerCase() ?? '');
  if (!code || !(LANGUAGE_LEVELS as readonly string[]).includes(level)) return null;
  return { code, level: level as Language['level'] };
}

/** The text blocks of a resume page (see the header for the evidence); '' when none is there. */
export function resumePageText(html: string): {
  title: string;
  skills: string[];
  text: string;
  driverLicences: string[];
  languages: Language[];
} {
  const texts = (qa: string) => innerHtmlByDataQa(html, qa).map(plain).filter(Boolean);
  const about = texts('resume-block-skills-content');
  const positions = texts('resume-block-experience-position');
  const descriptions = texts('resume-block-experience-description');
  const jobs = descriptions.map((d, i) => (positions[i] ? `${positions[i]}\n${d}` : d));
  return {
    title: texts('resume-block-title-position')[0] ?? '',
    skills: [...new Set(texts('bloko-tag__text'))],
    text: [...about, ...jobs].join('\n\n').slice(0, 20_000),
    driverLicences: licencesOfText(texts('resume-block-driver-experience').join('\n')),
    languages: [
      ...new Map(
        texts('resume-block-language-item')
          .map(languageOfLine)
          .filter((l) => l !== null)
          .map((l) => [l.code, l]),
      ).values(),
    ],
  };
}

export type ResumeProfileResult =
  | { ok: true; profile: ResumeProfile; textFound: boolean }
  | { ok: false; error: 'logged_out' | 'captcha' | 'network' | 'not_found'; detail: string };

/** Fetches `/resume/<hash>` with the user's session and reads both sources. */
export async function fetchResumeProfile(
  fetchFn: typeof fetch,
  hash: string,
  origin = HH_ORIGIN,
  timeoutMs = 15_000,
): Promise<ResumeProfileResult> {
  let res: Response;
  let html: string;
  try {
    res = await fetchFn(`${origin}/resume/${encodeURIComponent(hash)}`, {
      credentials: 'include',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    html = await res.text();
  } catch (e) {
    return { ok: false, error: 'network', detail: e instanceof Error ? e.message : String(e) };
  }
  const path = URL.canParse(res.url) ? new URL(res.url).pathname : '';
  if (/\/account\/login/.test(path)) return { ok: false, error: 'logged_out', detail: 'hh.ru asks to log in' };
  if (/captcha/.test(path)) return { ok: false, error: 'captcha', detail: 'hh.ru asks for a captcha' };
  if (!res.ok) return { ok: false, error: res.status === 404 ? 'not_found' : 'network', detail: `HTTP ${res.status}` };
  const fromState = resumeFromState(html, hash);
  const page = resumePageText(html);
  if (!fromState && !page.title)
    return { ok: false, error: 'not_found', detail: 'this resume is not among your resumes on hh.ru' };
  const profile: ResumeProfile = {
    hash,
    title: fromState?.title || page.title,
    skills: fromState?.skills.length ? fromState.skills : page.skills,
    experience: fromState?.experience ?? null,
    totalExperienceMonths: fromState?.totalExperienceMonths ?? null,
    salary: fromState?.salary ?? null,
    city: fromState?.city ?? null,
    text: page.text,
    professionalRoles: fromState?.professionalRoles ?? [],
    driverLicences: page.driverLicences,
    languages: page.languages,
  };
  return { ok: true, profile, textFound: page.text !== '' };
}
