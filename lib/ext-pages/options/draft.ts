import { DEFAULT_THRESHOLDS } from '../../core/match';
import type { DRIVER_LICENCES, Language } from '../../core/match/profile';
import type { EmployerWarning, ExperienceId, WorkFormat } from '../../core/match/vacancy';
import { formatBlacklist, formatList, parseBlacklist, parseList, parseMoney } from '../settings/form';
import { settingsSchema, type Settings } from '../../core/settings/schema';
import type { OptionsTexts } from './texts';

/**
 * The options form: raw text while the user types (Draft), checked field by field with messages in the UI
 * language, then parsed by the settings schema as the last guard. Pure, so it is unit-tested.
 */
export interface Draft {
  enabled: boolean;
  action: Settings['triage']['action'];
  showBadges: boolean;
  /** Percent 0..100. */
  hideBelow: number;
  dimBelow: number;
  titles: string;
  skills: string;
  experience: ExperienceId | '';
  resumeText: string;
  /** hh professional role ids, as picked (hh's catalogue). */
  professionalRoles: string[];
  driverLicences: (typeof DRIVER_LICENCES)[number][];
  languages: Language[];
  excludeWords: string;
  minSalary: string;
  workFormats: WorkFormat[];
  cities: string;
  blacklist: string;
  /** hh's warnings about an employer that hide its vacancies (off = none checked). */
  hideEmployerWarnings: EmployerWarning[];
  dailyCap: string;
  pacingMin: string;
  pacingMax: string;
  quietEnabled: boolean;
  quietFrom: string;
  quietTo: string;
  resumeHash: string;
  currentEmployer: string;
}

export type DraftErrors = Partial<Record<keyof Draft | '_', string>>;

const pct = (v: number | null, fallback: number) => Math.round((v ?? fallback) * 100);

export const toDraft = (s: Settings): Draft => ({
  enabled: s.enabled,
  action: s.triage.action,
  showBadges: s.triage.showBadges,
  hideBelow: pct(s.triage.hideBelow, DEFAULT_THRESHOLDS.hide),
  dimBelow: pct(s.triage.dimBelow, DEFAULT_THRESHOLDS.dim),
  titles: formatList(s.profile.desiredTitles),
  skills: formatList(s.profile.skills, ', '),
  experience: s.profile.experience ?? '',
  resumeText: s.profile.resumeText,
  professionalRoles: [...s.profile.professionalRoles],
  driverLicences: [...s.profile.driverLicences],
  languages: s.profile.languages.map((l) => ({ ...l })),
  excludeWords: formatList(s.profile.excludeWords, ', '),
  minSalary: s.profile.minSalary === null ? '' : String(s.profile.minSalary),
  workFormats: [...s.profile.workFormats],
  cities: formatList(s.profile.cities, ', '),
  blacklist: formatBlacklist(s.profile.employerBlacklist),
  hideEmployerWarnings: [...s.profile.hideEmployerWarnings],
  dailyCap: String(s.apply.dailyCap),
  pacingMin: String(s.apply.pacing.minSeconds),
  pacingMax: String(s.apply.pacing.maxSeconds),
  quietEnabled: s.apply.quietHours.enabled,
  quietFrom: s.apply.quietHours.from,
  quietTo: s.apply.quietHours.to,
  resumeHash: s.apply.defaultResumeHash ?? '',
  currentEmployer: s.apply.currentEmployer,
});

/** A threshold equal to the tuned default is stored as null: it then follows future re-tuning. */
const threshold = (percent: number, fallback: number): number | null =>
  percent === Math.round(fallback * 100) ? null : percent / 100;

/** The profile part of a draft (also what the live threshold preview scores with). Lenient: never throws. */
export function draftProfile(d: Draft, base: Settings): Settings['profile'] {
  const money = parseMoney(d.minSalary);
  return {
    ...base.profile,
    desiredTitles: parseList(d.titles, { commas: false }),
    skills: parseList(d.skills),
    experience: d.experience || null,
    resumeText: d.resumeText.trim(),
    professionalRoles: d.professionalRoles,
    driverLicences: d.driverLicences,
    languages: d.languages,
    excludeWords: parseList(d.excludeWords),
    minSalary: money.ok ? money.value : null,
    workFormats: d.workFormats,
    cities: parseList(d.cities),
    employerBlacklist: parseBlacklist(d.blacklist),
    hideEmployerWarnings: d.hideEmployerWarnings,
  };
}

/** Field checks with messages a person understands, in the UI language. Empty object = valid. */
export function checkDraft(d: Draft, t: OptionsTexts): DraftErrors {
  const e: DraftErrors = {};
  const int = (key: keyof Draft, raw: string, min: number, max: number): number | null => {
    const s = raw.trim();
    if (!s) return ((e[key] = t.err.required), null);
    if (!/^\d+$/.test(s)) return ((e[key] = t.err.number), null);
    const n = Number(s);
    if (n < min || n > max) return ((e[key] = t.err.range(min, max)), null);
    return n;
  };
  const list = (key: keyof Draft, raw: string, commas: boolean, maxItems: number) => {
    const items = parseList(raw, { commas });
    if (items.length > maxItems) e[key] = t.err.tooMany(maxItems);
    else if (items.some((x) => x.length > 200)) e[key] = t.err.tooLong(200);
  };
  list('titles', d.titles, false, 500);
  list('skills', d.skills, true, 500);
  list('excludeWords', d.excludeWords, true, 500);
  list('cities', d.cities, true, 500);
  if (d.resumeText.length > 20_000) e.resumeText = t.err.tooLong(20_000);
  if (d.professionalRoles.length > 50) e.professionalRoles = t.err.tooMany(50);
  if (d.languages.length > 30) e.languages = t.err.tooMany(30);
  if (!parseMoney(d.minSalary).ok) e.minSalary = t.err.money;
  const blacklist = parseList(d.blacklist, { commas: false });
  if (blacklist.length > 2000) e.blacklist = t.err.tooMany(2000);
  else if (blacklist.some((x) => x.length > 300)) e.blacklist = t.err.tooLong(300);
  if (d.currentEmployer.trim().length > 300) e.currentEmployer = t.err.tooLong(300);
  int('dailyCap', d.dailyCap, 1, 200);
  const lo = int('pacingMin', d.pacingMin, 10, 3600);
  const hi = int('pacingMax', d.pacingMax, 10, 3600);
  if (lo !== null && hi !== null && lo > hi) e.pacingMin = t.err.pacingOrder;
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (d.quietEnabled && !clock.test(d.quietFrom)) e.quietFrom = t.err.time;
  if (d.quietEnabled && !clock.test(d.quietTo)) e.quietTo = t.err.time;
  if (d.hideBelow > d.dimBelow) e.hideBelow = t.err.thresholdOrder;
  return e;
}

export type FromDraft = { ok: true; settings: Settings } | { ok: false; errors: DraftErrors };

/** Draft → Settings: field checks first, then the schema (anything it still refuses is shown as is). */
export function fromDraft(d: Draft, base: Settings, t: OptionsTexts): FromDraft {
  const errors = checkDraft(d, t);
  if (Object.keys(errors).length) return { ok: false, errors };
  const candidate: Settings = {
    ...base,
    enabled: d.enabled,
    triage: {
      ...base.triage,
      action: d.action,
      showBadges: d.showBadges,
      hideBelow: threshold(d.hideBelow, DEFAULT_THRESHOLDS.hide),
      dimBelow: threshold(d.dimBelow, DEFAULT_THRESHOLDS.dim),
    },
    profile: draftProfile(d, base),
    apply: {
      ...base.apply,
      dailyCap: Number(d.dailyCap),
      pacing: { minSeconds: Number(d.pacingMin), maxSeconds: Number(d.pacingMax) },
      quietHours: { enabled: d.quietEnabled, from: d.quietFrom, to: d.quietTo },
      defaultResumeHash: d.resumeHash || null,
      currentEmployer: d.currentEmployer.trim(),
    },
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, errors: { _: t.err.other(`${issue.path.map(String).join('.')}: ${issue.message}`) } };
}
