import data from './catalogue.json';

/**
 * What a user of hh states about themselves and picks from hh's own lists: professional roles by category, driving
 * licence categories, language levels. `catalogue.json` is rebuilt from hh's dictionaries by
 * scripts/build-hh-catalogue.ts (ids and names only: it ships in the options page).
 */
export interface HhCatalogue {
  source: string;
  /** hh's role categories, each with its role ids (a role may sit in several, as on hh). */
  categories: Array<{ name: string; roles: string[] }>;
  /** Role id → hh's name (hh names roles in Russian only). */
  roles: Record<string, string>;
  /** hh's `driver_license_types`. */
  licences: string[];
  /** hh's `language_level`: id and hh's Russian name. */
  levels: Array<{ id: string; name: string }>;
}

export const HH_CATALOGUE: HhCatalogue = data;

/**
 * hh language ids (hh's `/languages` dictionary: ISO 639-2 codes such as `rus`, `eng`, as in the API's
 * `languages[].id`). That dictionary is not among ../shared's files: these are the languages most asked for on hh
 * (the ones lib/core/match/requirements.ts reads in vacancy text, and the languages of the former USSR); the resume
 * import keeps any other hh id it reads. Names come from the browser (Intl.DisplayNames) in the UI language.
 */
export const LANGUAGE_IDS = [
  'rus',
  'eng',
  'deu',
  'fra',
  'spa',
  'ita',
  'zho',
  'jpn',
  'kor',
  'tur',
  'ara',
  'por',
  'pol',
  'ukr',
  'bel',
  'kaz',
  'uzb',
  'kir',
  'tat',
  'aze',
  'hye',
  'kat',
  'heb',
  'hin',
  'vie',
  'fin',
  'swe',
  'nld',
  'ces',
  'ell',
] as const;

/** A language's name in `lang` ("английский", "English"); the id itself where the browser does not know it. */
export function languageName(id: string, lang: 'ru' | 'en'): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(id);
    if (name && name !== id) return name;
  } catch {
    /* an id the browser rejects: shown as is */
  }
  return id;
}

/** The hh language id of a language's Russian or English name ("Английский", "English"); null when unknown. */
export function languageIdOfName(name: string): string | null {
  const n = name.trim().toLowerCase();
  for (const id of LANGUAGE_IDS)
    if (languageName(id, 'ru').toLowerCase() === n || languageName(id, 'en').toLowerCase() === n) return id;
  return null;
}

/** Role name by id; null for an id hh's catalogue does not have. */
export const roleName = (id: string): string | null => HH_CATALOGUE.roles[id] ?? null;
