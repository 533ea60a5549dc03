/**
 * Hard requirements a vacancy states that a person either meets or cannot: driving licence categories, a language
 * at a level, a medical education or specialist accreditation. Read from hh's structured fields when present
 * (`driver_license_types`, `languages`) and from the vacancy's own words otherwise ("права категории C, E",
 * "английский язык не ниже B2", "наличие сертификата специалиста обязательно"). A requirement softened nearby
 * ("будет плюсом", "желательно", "преимущество") is no requirement.
 *
 * The user's side comes from the profile's fields, else from what their skills/titles/resume say. When the user's
 * side is unknown nothing is decided: only a known gap hides a vacancy.
 */
import type { Language, Profile } from './profile';
import type { MatchVacancy } from './vacancy';

const LAT: Record<string, string> = { а: 'A', в: 'B', с: 'C', д: 'D', е: 'E', a: 'A', b: 'B', c: 'C', d: 'D', e: 'E' };
// Categories are capitals (the lower-case "в", "с" are prepositions: "инженер 1 категории в отдел").
const CAT = '(?:[ABCDEАВСДЕ]{1,2}1?)';
/** "категории B, C и E", "кат. С/Е", "права категории «C»", "водительское удостоверение категории D". */
const LICENCE_RE = new RegExp(
  `(?:[Кк]атегори[яиюей](?: прав)?|[Кк]ат\\.(?: прав)?|[Вв]одительск\\S* (?:прав|удостоверени)\\S*(?: категори[яиюей])?)\\s*[«"(]?\\s*(${CAT}(?:\\s*[»"]?\\s*(?:,|/|\\\\|и|или|\\+|-)\\s*[«"]?\\s*${CAT})*)(?![А-Яа-яA-Za-z0-9])`,
  'g',
);
const SOFT =
  /плюс|желательн|приветств|преимуществ|не обязательн|необязательн|будет здорово|nice to have|is a plus|advantage/i;

function softNear(text: string, at: number, len: number): boolean {
  return SOFT.test(text.slice(Math.max(0, at - 40), at + len + 60));
}

const MACHINE_LICENCE = /трактори|машинист|самоходн|погрузчик|штабел|гостехнадзор|экскаватор|спецтехник/i;

/** Licence categories named in text, as hh ids; `anyOf` = the text says "или" (either will do). */
export function licencesIn(text: string, requiredOnly: boolean): { cats: string[]; anyOf: boolean } {
  const cats = new Set<string>();
  let anyOf = false;
  if (!/категор|кат\.|водительск/i.test(text)) return { cats: [], anyOf };
  for (const m of text.matchAll(LICENCE_RE)) {
    if (requiredOnly && softNear(text, m.index ?? 0, m[0].length)) continue;
    // A tractor driver-operator's licence has categories A–F of its own ("удостоверение тракториста-машиниста
    // категории C", "водитель погрузчика категории B"): not a road licence.
    const before =
      text
        .slice(Math.max(0, (m.index ?? 0) - 50), m.index ?? 0)
        .split(/[.;!?\n]/)
        .pop() ?? '';
    if (!/^водительск/i.test(m[0]) && MACHINE_LICENCE.test(before) && !/прав/i.test(before)) continue;
    const list = m[1] ?? '';
    if (/или/i.test(list)) anyOf = true;
    for (const raw of list.replace(/[«»"]/g, '').split(/\s*(?:,|\/|\\|и|или|\+|-)\s*/i)) {
      const id = [...raw.toLowerCase().replace(/1$/, '')].map((ch) => LAT[ch] ?? '').join('');
      if (/^(?:[ABCDE]|BE|CE|DE)$/.test(id)) cats.add(id);
    }
  }
  return { cats: [...cats], anyOf };
}

/** Whether licences `have` allow driving what category `need` covers. */
function covers(have: ReadonlySet<string>, need: string): boolean {
  if (have.has(need)) return true;
  if (need.length === 1 && have.has(`${need}E`)) return true;
  // "E" alone in a vacancy means a trailer: any of BE/CE/DE.
  if (need === 'E') return have.has('BE') || have.has('CE') || have.has('DE');
  return false;
}

const LANGS: Array<[string, RegExp]> = [
  ['eng', /английск|english/i],
  ['deu', /немецк|german/i],
  ['fra', /французск|french/i],
  ['zho', /китайск|chinese|mandarin/i],
  ['spa', /испанск|spanish/i],
  ['ita', /итальянск|italian/i],
  ['tur', /турецк|turkish/i],
  ['ara', /арабск|arabic/i],
  ['jpn', /японск|japanese/i],
  ['kor', /корейск|korean/i],
];
export const LEVEL_RANK: Record<string, number> = { a1: 1, a2: 2, b1: 3, b2: 4, c1: 5, c2: 6, l1: 6 };
const LEVEL_WORDS: Array<[RegExp, string]> = [
  [/(?<![a-zа-я0-9])([abcавс][12])(?![a-zа-я0-9])/i, ''],
  [/upper[\s-]?intermediate|выше среднего/i, 'b2'],
  [/pre[\s-]?intermediate|elementary|базов|начальн/i, 'a2'],
  [/intermediate|разговорн|средн/i, 'b1'],
  [/advanced|fluent|fluency|свободн|продвинут|professional working/i, 'c1'],
  [/proficien|native|родн|в совершенстве/i, 'c2'],
];
const CYR_LEVEL: Record<string, string> = { а: 'a', в: 'b', с: 'c' };

function levelIn(s: string): string | undefined {
  for (const [re, lvl] of LEVEL_WORDS) {
    const m = re.exec(s);
    if (!m) continue;
    if (lvl) return lvl;
    const code = (m[1] ?? '').toLowerCase();
    return (CYR_LEVEL[code[0] ?? ''] ?? code[0] ?? '') + code.slice(1);
  }
  return undefined;
}

/** Languages with a level named in text ("английский язык не ниже B2", "fluent English"). */
export function languagesIn(text: string, requiredOnly: boolean): Language[] {
  const out = new Map<string, string>();
  for (const [id, re] of LANGS) {
    const g = new RegExp(re.source, 'gi');
    for (const m of text.matchAll(g)) {
      const at = m.index ?? 0;
      const win = text.slice(Math.max(0, at - 25), at + 60);
      if (requiredOnly && softNear(text, at, m[0].length)) continue;
      const lvl = levelIn(win);
      if (!lvl || !(lvl in LEVEL_RANK)) continue;
      const prev = out.get(id);
      if (!prev || (LEVEL_RANK[lvl] ?? 0) > (LEVEL_RANK[prev] ?? 0)) out.set(id, lvl);
    }
  }
  return [...out].map(([code, level]) => ({ code, level: level as Language['level'] }));
}

const MEDICAL_REQ =
  /(?:медицинск\S*|фармацевтическ\S*) образовани|сертификат\S* (?:специалиста|по специальности)|свидетельств\S* об аккредитации|аккредитаци\S* (?:специалиста|по специальности)|действующ\S* (?:сертификат|аккредитаци)/gi;
const MEDICAL_SELF =
  /медицин|фармац|врач|медсестр|медбрат|медицинск|фельдшер|провизор|аккредитац|сертификат специалиста|санитар|стоматолог|акушер|педиатр|терапевт|хирург|лаборант/i;

/**
 * Self-propelled machines (forklift, tractor, excavator, grader …) are driven on a tractor driver-operator's licence
 * (удостоверение тракториста-машиниста), not on a car licence. A truck crane or a truck with a loader crane
 * ("автокран", "манипулятор") is a lorry: a road licence, C as a rule.
 */
const MACHINE_TITLE =
  /погрузчик|трактор|экскаватор|бульдозер|автогрейдер|грейдер|каток|штабелер|штабелёр|ричтрак|комбайн/i;
const MACHINE_SELF =
  /тракторист|машинист|погрузчик|самоходн|штабел|ричтрак|экскаватор|крановщик|категори[яи] [«"]?[A-FА-Е]?[IVX]+\b/i;

export type Unmet =
  | { kind: 'licence'; cats: string[] }
  /** soft: one level short (the guide's "a step off"): said, not hidden */
  | { kind: 'language'; id: string; level: string; soft?: boolean }
  | { kind: 'medical' };

export interface CompiledRequirements {
  check(v: MatchVacancy, full: boolean): Unmet | undefined;
}

export function compileRequirements(profile: Profile, medicalRole: boolean): CompiledRequirements {
  const selfText = [...profile.desiredTitles, ...profile.skills, profile.resumeText].join('\n');
  const licences = new Set<string>(
    profile.driverLicences.length ? profile.driverLicences : licencesIn(selfText, false).cats,
  );
  for (const l of [...licences]) if (l.length === 2) licences.add(l[0] ?? '');
  const langs = new Map<string, number>();
  for (const l of profile.languages.length ? profile.languages : languagesIn(selfText, false))
    langs.set(l.code, LEVEL_RANK[l.level] ?? 0);
  const medical = medicalRole || MEDICAL_SELF.test(selfText);
  const machines = MACHINE_SELF.test(selfText);

  return {
    check(v, full) {
      const text = [
        v.title,
        v.snippet ?? '',
        full ? (v.description ?? '') : '',
        full ? (v.keySkills ?? []).join(', ') : '',
      ].join('\n');
      if (licences.size > 0) {
        const stated = v.driverLicences?.length ? { cats: v.driverLicences, anyOf: false } : licencesIn(text, true);
        const missing = stated.cats.filter((c) => !covers(licences, c));
        if (missing.length > 0 && (!stated.anyOf || missing.length === stated.cats.length))
          return { kind: 'licence', cats: missing };
        // "Водитель погрузчика" for a car driver: the machine's own licence.
        if (!machines && /водител|driver/i.test(v.title) && MACHINE_TITLE.test(v.title))
          return { kind: 'licence', cats: ['тракториста-машиниста'] };
      }
      let short: Unmet | undefined;
      if (langs.size > 0) {
        const needs = v.languages?.length
          ? v.languages.map((l) => ({ code: l.id, level: l.level }))
          : languagesIn(text, true);
        for (const need of needs) {
          if (need.code === 'rus') continue;
          const r = LEVEL_RANK[need.level] ?? 0;
          const have = langs.get(need.code) ?? 0;
          // A requirement of B1 or more that the user's level does not reach; one level short is a step off, not a
          // wall (a C1 translator and a "C2" post): said, not hidden.
          if (r >= 3 && have < r) {
            if (have === 0 || r - have >= 2) return { kind: 'language', id: need.code, level: need.level };
            short ??= { kind: 'language', id: need.code, level: need.level, soft: true };
          }
        }
      }
      if (!medical) {
        MEDICAL_REQ.lastIndex = 0;
        for (const m of text.matchAll(MEDICAL_REQ))
          if (!softNear(text, m.index ?? 0, m[0].length)) return { kind: 'medical' };
      }
      return short;
    },
  };
}
