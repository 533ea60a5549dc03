/**
 * The relevance scorer: profile compiled once, then each vacancy scored from its title (relevance to the
 * desired titles, role noun, foreign stack), seniority/experience fit and skill evidence (title/snippet on a
 * card, key skills and description on a full vacancy), combined in a logistic model; hard filters force hide.
 */
import {
  analyzeBag,
  analyzeTitle,
  isAdjective,
  type Kind,
  kindOf,
  type TitleItem,
  titleHeads,
  tokenInfo,
  type TokenInfo,
} from './analyze';
import { compoundReader } from './compounds';
import { builtinCalibration, type Calibration } from './calibration';
import { compileFilters } from './filters';
import { normalizeText, tokenize } from './normalize';
import type { Profile } from './profile';
import type { Reason } from './reasons';
import { compileRequirements } from './requirements';
import type { RoleInfo, RoleModel } from './role-model';
import {
  EXPERIENCE_INDEX,
  EXPERIENCE_MIN_YEARS,
  experienceIndexOfYears,
  isAssistantCue,
  LEVEL_NAMES,
  type LevelRange,
  rangeGap,
  rangeOfExperience,
  rangeOfLevels,
  seniorityCue,
  statedYears,
} from './seniority';
import type { Thresholds, Verdict } from './types';
import type { MatchVacancy } from './vacancy';

export interface MatchResult {
  /** relevance in [0, 1] */
  score: number;
  verdict: Verdict;
  reasons: Reason[];
}

export interface Matcher {
  score(v: MatchVacancy, thresholds?: Thresholds): MatchResult;
}

/**
 * The cuts on the raw scale (the full-text model is shifted onto the card model's scale, so one pair serves both).
 * Tuned on the benchmark: `hide` keeps ≥97% of relevant vacancies.
 */
export const RAW_THRESHOLDS: Thresholds = builtinCalibration.data.rawThresholds;
/**
 * The default thresholds on the shown (calibrated, ./calibration.ts) score: the images of the raw cuts, so the
 * calibration changes no default verdict.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  hide: builtinCalibration.map(RAW_THRESHOLDS.hide),
  dim: builtinCalibration.map(RAW_THRESHOLDS.dim),
};

/** Weight of a concept kind in a title: role nouns and technologies carry the meaning, generic nouns little. */
const KIND_W: Record<Kind, number> = { r: 1, g: 0.35, t: 1, u: 0.5, s: 0, n: 0.15 };
const ABSORBED_W = 0.15;

/**
 * Stack words: a title built around one of these that the user never mentions is another job. A foreign
 * language next to one of the user's languages ("C# / Python") weighs less than a title about it alone.
 */
const LANGS = new Set(
  'python javascript typescript java golang csharp cpp dotnet php ruby kotlin swift flutter rust scala 1c'.split(' '),
);
const STACK = new Set([
  ...LANGS,
  ...'ios android frontend backend fullstack react vue angular nodejs mobile gamedev embedded'.split(' '),
]);

interface Desired {
  text: string;
  weights: Map<string, number>;
  total: number;
  /** Each specific concept (role, domain, unknown word) of the title, as the user wrote it, in title order. */
  specific: { c: string; s: string }[];
  /** Its concepts, when they name a job and not only a technology: what an aside must name to offer it. */
  jobKeys: string[];
  /** Made only of seniority words and what they govern ("Руководитель отдела продаж"): the rank word is its job noun. */
  cueOnly: boolean;
  /** Its rank words head something ("отдела продаж" of "Руководитель отдела продаж"). */
  heads: boolean;
}

/** A desired title's concepts, when some is not a technology ("Стажёр Python" names only Python: none). */
const jobKeysOf = (weights: ReadonlyMap<string, number>): string[] => {
  const keys = [...weights.keys()];
  return keys.some((c) => kindOf(c) !== 't') ? keys : [];
};
interface Skill {
  text: string;
  keys: string[];
  w: number;
  /** every word of the skill is among its keys: no single letter dropped ("Категория C" is not just "категория") */
  whole: boolean;
}

const TECH_NAMES: Record<string, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  csharp: 'C#',
  cpp: 'C++',
  dotnet: '.NET',
  golang: 'Go',
  '1c': '1С',
  ios: 'iOS',
  nodejs: 'Node.js',
  fullstack: 'Fullstack',
  frontend: 'Frontend',
  backend: 'Backend',
};
/** How to write a technology in a reason: "java" → "Java", "php" → "PHP". */
function techName(word: string): string {
  const w = word.trim();
  const known = TECH_NAMES[w.replace(/\s+/g, '')];
  if (known) return known;
  if (!/^[a-z]+$/.test(w)) return w;
  return w.length <= 3 ? w.toUpperCase() : w[0]?.toUpperCase() + w.slice(1);
}

/**
 * Roles that people who want one of them also want (the ML-engineer persona asks for "ML Engineer" and "Data
 * Scientist" alike): a sibling is never a role mismatch and matches a wanted title at SIBLING_W.
 */
const SIBLINGS: Record<string, string> = {
  mlengineer: 'datascientist',
  datascientist: 'mlengineer',
  // The product owner is the product manager's job under Scrum's name (issue 17: "Product Owner" was "a different role").
  productmanager: 'productowner',
  productowner: 'productmanager',
};
const SIBLING_W = 0.8;
/**
 * A title whose head names no role ("Инженер Linux", "Специалист по претензионной работе") is about its
 * specific words; when the user's skills name them, the title is that much the user's job (at most this).
 */
const SKILL_TITLE = 0.6;

/**
 * Specialisations of a role noun that make it a different job. On hh "аналитик" alone covers requirement
 * engineers (бизнес-/системный аналитик), data people (аналитик данных, BI-, продуктовый, веб-аналитик) and finance
 * (финансовый аналитик, трейдер-аналитик); their work, skills and careers do not overlap. When the user's own titles
 * name the specialisation ("Аналитик данных"), a vacancy whose head names only another family is another job, even
 * if the user also typed the bare "Аналитик".
 */
const SPECIALISATIONS: Record<string, Record<string, string>> = {
  analyst: {
    data: 'data',
    bigdata: 'data',
    bi: 'data',
    powerbi: 'data',
    product: 'data',
    sql: 'data',
    statistics: 'data',
    web: 'data',
    marketplace: 'data',
    dwh: 'data',
    etl: 'data',
    business: 'req',
    system: 'req',
    requirements: 'req',
    finance: 'fin',
    tax: 'fin',
    trading: 'fin',
    security: 'sec',
  },
};
/**
 * The domain a role works in: a title with no role noun whose head names the domain ("Специалист по
 * бухгалтерскому учёту", "Старший специалист отдела отчётности по РСБУ") is that role's job, though less surely than
 * one naming the role itself (DOMAIN_W).
 */
export const ROLE_DOMAIN: Record<string, string> = { accountant: 'accounting' };
const DOMAIN_W = 0.7;

const NEUTRAL_SCORE = 0.75;
/** A vacancy the scorer cannot judge: dimmed, never hidden. */
const NOT_SURE_SCORE = 0.35;
const REL_CAP = 2.6;
/** A title that is the wanted job and names the user's level is surer than one whose level is only inferred. */
const LEVEL_FIT = 0.5;
/** `title` without its words made only of tokens `drop` picks; a title made only of such words is kept as it is. */
function withoutWords(title: string, drop: (i: TokenInfo) => boolean): string {
  const kept = title.split(/\s+/).filter((w) => {
    const toks = tokenize(normalizeText(w));
    return toks.length === 0 || !toks.every((t) => drop(tokenInfo(t)));
  });
  return kept.join(' ').trim() || title;
}

/** "Junior Python developer" → "Python developer" (every level word, up to lead). */
const withoutLevelWords = (title: string): string => withoutWords(title, (i) => i.kind === 's' && i.level >= 0);

/** Without its grade words (стажёр … ведущий, junior … senior); posts of their own (главный, помощник) stay. */
const withoutGradeWords = (title: string): string =>
  withoutWords(title, (i) => i.kind === 's' && i.level >= 0 && i.level <= 3 && !isAssistantCue(i.stem));

/** The words a title writes as capital-letter abbreviations ("ВОЛС", "РЭО"), lower-cased as the analyser gives them. */
function abbreviationsIn(title: string): Set<string> {
  const out = new Set<string>();
  for (const m of title.matchAll(/(?<![\p{L}])[A-ZА-ЯЁ]{2,6}(?![\p{L}])/gu)) out.add(normalizeText(m[0]).trim());
  return out;
}

/**
 * Two stems of one word that Snowball splits at a fleeting vowel or a case ending ("закупок" / "закупк",
 * "отчетност" / "отчетн"): they share all but the shorter one's last letter, and at least five letters.
 */
function fleetingVowel(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length) - 1;
  return n >= 5 && a.slice(0, n) === b.slice(0, n);
}

/**
 * One letter swapped in a long word: the spellings hh titles use side by side ("риэлтор" / "риелтор",
 * "мерчендайзер" / "мерчандайзер"). Same length, same start, a single differing letter.
 */
function oneLetterOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 7 || a.slice(0, 2) !== b.slice(0, 2)) return false;
  let diff = 0;
  for (let i = 2; i < a.length && diff < 2; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** The words of a normalised phrase as the user wrote them in `text` ("data engineer" in "Senior Data Engineer" → "Data Engineer"). */
function phraseAsWritten(text: string, phrase: string): string {
  const words = text.split(/[\s\-–—/,()]+/).filter(Boolean);
  const want = phrase.split(' ');
  for (let i = 0; i + want.length <= words.length; i++) {
    const span = words.slice(i, i + want.length);
    if (!span.every((w, j) => normalizeText(w).trim() === want[j])) continue;
    // the original text from the first word to the last, separators included ("Продакт-менеджер")
    let at = 0;
    for (let k = 0; k < i; k++) at = text.indexOf(words[k] ?? '', at) + (words[k]?.length ?? 0);
    const start = text.indexOf(span[0] ?? '', at);
    let end = start;
    for (const w of span) end = text.indexOf(w, end) + w.length;
    return text.slice(start, end);
  }
  return phrase;
}

/** "Product / Project Manager": one word before a slash shares the noun phrase after the other alternative. */
const SHARED_HEAD = /^\s*([^\s/]+)\s*\/\s*([^\s/]+)\s+(\p{L}[^/]*)$/u;
/** A word that names no job, generic noun or level by itself ("Product", "Project"): a modifier of the shared head. */
function modifierOnly(word: string): boolean {
  const a = analyzeTitle(word);
  return a.cues.length === 0 && a.levels.length === 0 && !a.items.some((i) => i.kind === 'r' || i.kind === 'g');
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const logitOf = (p: number): number => Math.log(p / (1 - p));

/** Internal numbers behind a score (exported for the benchmark notes and tests). */
export interface Features {
  full: boolean;
  title: number;
  bestTitle: string;
  precision: number;
  /** the title's head names a role (developer, analyst …), not only generic nouns */
  titleHasRole: boolean;
  /** the vacancy's role word when none of its roles is wanted */
  roleMismatch: string;
  /** a stack word of the title the user never mentions */
  foreign: string;
  foreignSoft: boolean;
  /** a domain word in the title's head that the profile never mentions ("Бизнес-" for a data analyst) */
  qualifier: string;
  levelGap: number;
  levelDir: number;
  vacancyLevel: LevelRange | undefined;
  /** the title matches a desired one and names a seniority (стажёр, senior …) inside the band the user wants */
  levelFit: boolean;
  yearsGap: number;
  /** years of experience the vacancy asks for (hh's experience id, or more where a full description says so) */
  needYears: number;
  skillsMatched: string[];
  skillFrac: number;
  coreMissing: string;
  coreFrac: number;
  /** probability that the vacancy's hh professional role is one of the user's (role model; -1 = no model) */
  pSame: number;
  /** the vacancy's most likely hh role and its probability */
  role: RoleInfo | undefined;
  pRole: number;
  /** the model's three likeliest roles together */
  pTop3: number;
  /** the role model does not know a word of the title's head */
  roleUnsure: boolean;
  /** the desired titles name technologies (Python, Frontend …) and the vacancy's title and text name none of them */
  techMissing: boolean;
  /** the title's head names nothing specific: only generic nouns and level words ("Ведущий инженер", "Специалист") */
  genericHead: boolean;
  /** the title's generic noun is one the user's field uses too (their titles, or their hh roles' titles commonly) */
  genericShared: boolean;
  /**
   * The best desired title's specific words the vacancy title lacks, as the user wrote them, when the title's head
   * names something specific of its own instead ("Преподаватель программирования" for "Преподаватель английского
   * языка": "английского языка"); '' otherwise.
   */
  titleLacks: string;
  /** the title names a wanted role beside its head, in brackets or after a comma */
  wantedAside: boolean;
}

export interface MatchOptions {
  /** The title → hh role model (lib/core/match/role-model.ts); without it the scorer judges by words alone. */
  roles?: RoleModel;
  /** The raw → shown score map; null gives raw scores (to fit the map: scripts/build-calibration.ts). */
  calibration?: Calibration | null;
}

/** The role model's confidence above which a title is taken to be that role. */
const ROLE_SURE = 0.5;
/** Above this probability that the vacancy is one of the user's roles, the title need not match the user's words. */
const ROLE_SAME = 0.5;
const ROLE_OVERRULE = 0.8;
/**
 * What hh's role alone makes of a title the words do not match: 0.2 + 0.3 · P(the user’s roles), raw. hh's roles are
 * broad ("Инженер-конструктор, инженер-проектировщик" is every kind of design engineer), and on the labelled splits
 * such a vacancy was relevant about one time in three: a "maybe", not a match (swept 0.15–0.3 + 0.3–0.5 on every split).
 */
const SAME_ROLE_BASE = 0.2;
const SAME_ROLE_SLOPE = 0.3;
/**
 * A field where hh's experience ids are grades (junior 1–3 years, senior 6+): a role hh files under IT alone (or
 * beside top management). One it also files elsewhere ("Дизайнер, художник": florists, interior designers too;
 * "Специалист технической поддержки"; "Руководитель проектов" in construction) is not graded as a whole.
 */
function gradedRole(r: RoleInfo | undefined): boolean {
  return (
    r?.category === 'Информационные технологии' &&
    (r.otherCategories ?? []).every((c) => c === 'Высший и средний менеджмент')
  );
}
/** Below this probability of being one of the user's roles, a title the model reads is another profession. */
const ROLE_OTHER = 0.15;
/** The model's reading that overrules a title sharing a specific word with the user's. */
const ROLE_CERTAIN = 0.8;
/** The model must hold a concentrated belief (its three likeliest roles together) before a reading counts as evidence. */
const ROLE_FOCUS = 0.15;
/**
 * A title of generic nouns only ("Инженер") that the model reads within a few roles (its likeliest three hold this
 * much) names a field; one it reads everywhere ("Специалист") names none.
 */
const GENERIC_FOCUS = 0.6;
/**
 * A title with the user's own generic job noun ("Инженер по кибербезопасности" for "Инженер по информационной
 * безопасности", "Специалист …") that the model reads this flatly (likeliest role below it) is one it does not
 * know: not evidence of another profession.
 */
const GENERIC_FLAT = 0.25;
/** A role's titles use a word commonly: its role-model weight (about log(1 + count)) is at least this. */
const GENERIC_USE = 4;
/** The stem tail that makes a place of a trade ("пекар-н-я", "столяр-н-я"): another noun, not an inflection. */
const DERIVING_TAIL = /^н$/;
/** A compound that ends in the wanted word ("электросварщик" for "сварщик"). */
const COMPOUND_W = 0.8;

export interface CompiledProfile extends Matcher {
  features(v: MatchVacancy): Features;
}

export function compileProfile(profile: Profile, opts: MatchOptions = {}): CompiledProfile {
  const roleModel = opts.roles;
  const calibration = opts.calibration === undefined ? builtinCalibration : opts.calibration;
  const cal = (raw: number): number => (calibration ? calibration.map(raw) : raw);
  const defaults = calibration ? DEFAULT_THRESHOLDS : RAW_THRESHOLDS;
  /** The user's hh roles: the profile's, else the model's reading of each desired title. */
  const userRoles = new Set<number>();
  if (roleModel) {
    for (const id of profile.professionalRoles) {
      const i = roleModel.roleIndex(id);
      if (i !== undefined) userRoles.add(i);
    }
    if (userRoles.size === 0) {
      // What the desired titles agree on: the likeliest role of their mean reading, any role that holds a fifth of it,
      // and a role one title names surely. A single title's loose second guess ("Менеджер продукта": sales 0.43) is not
      // the user's profession.
      const mean = new Float64Array(roleModel.roles.length);
      let n = 0;
      for (const t of profile.desiredTitles) {
        // The profession without the level: "Ведущий финансовый аналитик" read as an IT analyst, "ведущий" being
        // common in IT titles (the level is the user's range, not their trade). Posts of their own stay (главный,
        // руководитель, помощник).
        const pr = roleModel.predict(withoutGradeWords(t));
        if (pr.unknownHead) continue;
        n++;
        pr.probs.forEach((p, i) => (mean[i] = (mean[i] ?? 0) + p));
        const top = pr.top[0];
        if (top && top.p >= 0.6) userRoles.add(roleModel.roleIndex(top.role.id) ?? -1);
      }
      if (n > 0) {
        let best = 0;
        mean.forEach((p, i) => {
          if (p / n >= 0.2) userRoles.add(i);
          if (p > (mean[best] ?? 0)) best = i;
        });
        if ((mean[best] ?? 0) / n >= 0.15) userRoles.add(best);
      }
      userRoles.delete(-1);
    }
  }
  // hh's experience id reads as a grade (junior … senior) in IT; elsewhere ("Врач-терапевт, 1–3 года", "Прораб") it is
  // a minimum, and an experienced person is welcome. Without the role model every field is taken as graded (as before).
  const gradedField = !roleModel || userRoles.size === 0 || [...userRoles].some((i) => gradedRole(roleModel.roles[i]));
  const medicalRole = !!roleModel && [...userRoles].some((i) => roleModel.roles[i]?.category.startsWith('Медицина'));
  const requirements = compileRequirements(profile, medicalRole);

  const desired: Desired[] = [];
  const allowed = new Set<string>();
  const profileRoles = new Set<string>();
  /** Roles inside a wanted phrase role ("администратор" of "системный администратор"): its less specific form. */
  const looseRoles = new Set<string>();
  const cueLevels: number[] = [];
  let titlesWithCue = 0;
  /** The user asks for assistant jobs themselves ("Помощник руководителя"). */
  let wantsAssistant = false;
  /** Wanted role → the specialisation families the user's titles give it ("Аналитик данных" → analyst: data). */
  const roleFamilies = new Map<string, Set<string>>();
  const coreCount = new Map<string, number>();
  const display = new Map<string, string>();
  /** Each desired title's head nouns (./analyze.ts titleHeads), read once. */
  const headsOf = new Map(profile.desiredTitles.map((t) => [t, titleHeads(t)] as const));
  /** The specific head nouns of the desired titles: what jobs the user names. */
  const wantedHeads = new Set([...headsOf.values()].flatMap((hs) => hs.filter((h) => h.kind !== 'g').map((h) => h.c)));
  /** The title's job noun is one the user names, or a compound of it ("Автомеханик" / "механик"). */
  const sharesHeadOf = (title: string): boolean =>
    titleHeads(title).some(
      (h) =>
        h.kind !== 'g' &&
        [...wantedHeads].some(
          (w) => w === h.c || (w.length >= 6 && h.c.endsWith(w)) || (h.c.length >= 6 && w.endsWith(h.c)),
        ),
    );

  const learnDisplay = (text: string): void => {
    for (const word of text.split(/[\s\-–—/,()]+/)) {
      const toks = tokenize(normalizeText(word));
      if (toks.length !== 1) continue;
      const c = tokenInfo(toks[0] ?? '').c;
      if (c && !display.has(c)) display.set(c, word);
    }
  };

  /**
   * The user's field uses a generic job noun: their titles do (set below, as they are read), or the titles of their hh
   * roles commonly do ("Системный инженер" for a system administrator, "Инженер-энергетик"), by the role model's
   * counts (read once per noun).
   */
  const genericUse = new Map<string, boolean>();
  const usesGeneric = (i: TitleItem): boolean => {
    let uses = genericUse.get(i.c);
    if (uses === undefined) {
      const stem = tokenInfo(i.s).stem;
      uses = !!roleModel && [...userRoles].some((r) => roleModel.featureWeight(stem, r) >= GENERIC_USE);
      genericUse.set(i.c, uses);
    }
    return uses;
  };

  /** Some desired title is made only of seniority words: vacancy titles are matched by those words too. */
  let matchCues = false;
  /** The seniority words of those titles: in a vacancy title they are known words, as a role would be. */
  const wantedCues = new Set<string>();
  for (const text of profile.desiredTitles) {
    const a = analyzeTitle(text);
    const weights = new Map<string, number>();
    // "Помощник руководителя", "Директор", "Личный ассистент": no role or technology but seniority words, which
    // then say what the job is (as a role would) rather than the user's level.
    // A job noun the dictionary does not know ("Ведущий инженер-геодезист") says what the job is: the level word then
    // says the user's level, as usual.
    const cueOnly =
      a.cues.length > 0 &&
      !a.items.some((i) => i.kind === 'r' || i.kind === 't') &&
      !(headsOf.get(text) ?? []).some((h) => h.kind !== 'g' && h.kind !== 's');
    if (cueOnly) {
      matchCues = true;
      for (const cue of a.cues) {
        wantedCues.add(cue.c);
        // (counted once a title: "Помощник/ассистент руководителя" names the assistant once)
        if (!weights.has(cue.c)) coreCount.set(cue.c, (coreCount.get(cue.c) ?? 0) + 1);
        weights.set(cue.c, KIND_W.r);
        if (!display.has(cue.c)) display.set(cue.c, cue.s);
      }
    }
    for (const it of a.items) {
      if (it.kind === 'g') genericUse.set(it.c, true);
      const w = KIND_W[it.kind] * (it.absorbed ? ABSORBED_W : 1);
      weights.set(it.c, Math.max(weights.get(it.c) ?? 0, w));
      allowed.add(it.c);
      if (it.absorbed && it.kind === 'r') looseRoles.add(it.c);
      if (!it.absorbed && it.kind === 'r') {
        profileRoles.add(it.c);
        const sib = SIBLINGS[it.c];
        if (sib) profileRoles.add(sib);
      }
      if (!it.absorbed && (it.kind === 'r' || it.kind === 't')) coreCount.set(it.c, (coreCount.get(it.c) ?? 0) + 1);
    }
    let total = 0;
    for (const w of weights.values()) total += w;
    const specific = a.items
      .filter((i) => !i.absorbed && (i.kind === 'r' || i.kind === 't' || i.kind === 'u'))
      .map((i) => ({ c: i.c, s: i.s.includes(' ') ? phraseAsWritten(text, i.s) : i.s }));
    if (total > 0)
      desired.push({
        text,
        weights,
        total,
        specific,
        jobKeys: jobKeysOf(weights),
        cueOnly,
        heads: [...weights.keys()].some((k) => !k.startsWith('~')),
      });
    wantsAssistant ||= a.assistant;
    for (const r of a.items) {
      const fam = SPECIALISATIONS[r.c];
      if (r.kind !== 'r' || r.absorbed || !fam) continue;
      for (const q of a.items) {
        const f = fam[q.c];
        if (f && !q.absorbed) roleFamilies.set(r.c, (roleFamilies.get(r.c) ?? new Set()).add(f));
      }
    }
    // A title made only of seniority words still names the user's level ("Руководитель отдела продаж", "Директор
    // магазина": a head post), unless it is an assistant's ("Помощник руководителя" is not a head's level).
    if (a.levels.length > 0 && !(cueOnly && a.assistant)) {
      titlesWithCue++;
      cueLevels.push(...a.levels);
    }
    learnDisplay(text);
    // A phrase concept ("Data Engineer", "Продакт-менеджер", "Менеджер по продажам") is shown in the user's words for the
    // whole phrase, never as its id or as one of its words.
    for (const it of a.items) if (!it.absorbed && it.s.includes(' ')) display.set(it.c, phraseAsWritten(text, it.s));
  }

  const skills: Skill[] = [];
  for (const text of profile.skills) {
    const a = analyzeTitle(text);
    let keys = a.items.filter((i) => !i.absorbed && i.kind !== 's' && i.kind !== 'n');
    if (keys.some((k) => k.kind !== 'g')) keys = keys.filter((k) => k.kind !== 'g');
    if (keys.length === 0) continue;
    const uniq = [...new Set(keys.map((k) => k.c))];
    const whole = !tokenize(normalizeText(text)).some((w) => w.length === 1);
    skills.push({ text, keys: uniq, w: keys.some((k) => k.kind === 't' || k.kind === 'r') ? 1 : 0.7, whole });
    for (const it of a.items) allowed.add(it.c);
    learnDisplay(text);
  }
  const skillTotal = skills.reduce((s, k) => s + k.w, 0);

  // No desired titles: the skills stand in for them ("Python" then matches "Python developer" titles).
  if (desired.length === 0) {
    for (const s of skills) {
      const weights = new Map(s.keys.map((k) => [k, KIND_W[kindOf(k)]] as const));
      let total = 0;
      for (const w of weights.values()) total += w;
      if (total > 0)
        desired.push({
          text: s.text,
          weights,
          total,
          specific: [],
          jobKeys: jobKeysOf(weights),
          cueOnly: false,
          heads: false,
        });
    }
  }
  const cueOnlyTitles = new Set(desired.filter((d) => d.cueOnly).map((d) => d.text));
  /** Nothing to judge relevance by (only hard filters set): every vacancy gets a neutral "show" score. */
  const neutral = desired.length === 0;
  for (const [c] of analyzeBag(profile.resumeText)) {
    const info = c;
    if (STACK.has(info)) allowed.add(info);
  }

  // The concept that defines the wanted job: the most common role/technology across the desired titles, or a job noun
  // the dictionary does not know that more of them name ("Диспетчер автотранспорта", "Диспетчер транспортного
  // отдела", "Диспетчер-логист": диспетчер, not the one title's логист).
  let core = '';
  let coreN = 0;
  // (A rank word is the core only when every title names it: "Фармацевт-провизор" and "Заведующий аптекой" want a
  // pharmacist's job at either post, not every head's.)
  for (const [c, n] of coreCount)
    if (n > coreN && (!c.startsWith('~') || n === profile.desiredTitles.length)) [core, coreN] = [c, n];
  const headCount = new Map<string, number>();
  for (const heads of headsOf.values())
    for (const c of new Set(heads.flatMap((h) => (h.kind === 'u' ? [h.c] : []))))
      headCount.set(c, (headCount.get(c) ?? 0) + 1);
  for (const [c, n] of headCount) if (n >= 2 && n > coreN) [core, coreN] = [c, n];
  const coreSet = new Set([...coreCount.keys()]);
  const coreTech = [...coreSet].filter((c) => kindOf(c) === 't');
  /** The only text concepts the scorer looks at: skills and the desired titles' roles/technologies (and core). */
  const wantInText = new Set<string>([...coreSet, ...skills.flatMap((s) => s.keys), ...(core ? [core] : [])]);

  // Seniority band wanted: desired-title cues if every title has one, else those plus the experience band.
  const expRange = rangeOfExperience(profile.experience);
  const cueRange = rangeOfLevels(cueLevels);
  const wantRange: LevelRange =
    cueRange && titlesWithCue === desired.length
      ? cueRange
      : cueRange
        ? { lo: Math.min(cueRange.lo, expRange.lo), hi: Math.max(cueRange.hi, expRange.hi) }
        : expRange;
  const userExp = profile.experience === null ? null : EXPERIENCE_INDEX[profile.experience];
  /** Every desired title names a head post (главный, руководитель, lead): the user's level is a post, not years. */
  const wantsHeadPost = !!cueRange && titlesWithCue === desired.length && cueRange.lo >= LEVEL_NAMES.indexOf('lead');

  const allowedUnknown = [...allowed].filter((c) => kindOf(c) === 'u');
  const filters = compileFilters(profile);
  const readCompounds = compoundReader(profile.desiredTitles);

  function features(vacancy: MatchVacancy): Features {
    // "Инженер технадзора" is the user's "Инженер технического надзора": read the title in the user's words first.
    const read = readCompounds(vacancy.title);
    const v = read === vacancy.title ? vacancy : { ...vacancy, title: read };
    const full = v.description !== undefined || v.keySkills !== undefined;
    const t = analyzeTitle(v.title);
    // "IT-специалист (системный администратор)": the head names no role and the brackets (or the part after a
    // comma) name one the user wants: they say what the job is. Only a wanted role is promoted, so this never
    // creates a role mismatch.
    const isRole = (i: TitleItem): boolean => i.kind === 'r' && !i.absorbed;
    // A head role that is only the general form of the wanted one ("IT-администратор (Системный администратор)")
    // defers to the brackets the same way.
    const wantedRoleAside =
      !t.items.some((i) => i.main && isRole(i) && !looseRoles.has(i.c)) &&
      t.items.some((i) => !i.main && isRole(i) && profileRoles.has(i.c));
    // So does a head of generic nouns only before the user's own job noun that the dictionary does not know, with
    // nothing else beside it ("Специалист (геодезист)", not "Consultant (Digital CFO Group)"). (Read only when the
    // first rule does not hold: most titles never need it.)
    const ownNounAside = (): boolean => {
      if (t.items.some((i) => i.main && !i.absorbed && i.kind !== 'g')) return false;
      const bracketed = t.items.filter((i) => !i.main && !i.absorbed);
      return bracketed.some((i) => i.kind === 'u' && wantedHeads.has(i.c)) && bracketed.every((i) => allowed.has(i.c));
    };
    if (wantedRoleAside || ownNounAside()) {
      for (const it of t.items) if (!it.main) [it.main, it.w] = [true, Math.max(it.w, 0.9)];
    }
    const inTitle = new Map<string, number>();
    let precNum = 0;
    let precDen = 0;
    const mainRoles: string[] = [];
    let roleWord = '';
    let foreign = '';
    let foreignWord = '';
    let stackOk = false;
    let qualifier = '';
    if (matchCues)
      for (const it of t.cues) {
        inTitle.set(it.c, Math.max(inTitle.get(it.c) ?? 0, it.w));
        // ("Помощник руководителя" is all known words; "Помощник руководителя упаковки" is not)
        if (wantedCues.has(it.c)) {
          precNum += KIND_W.r * it.w;
          precDen += KIND_W.r * it.w;
        }
      }
    for (const it of t.items) {
      inTitle.set(it.c, Math.max(inTitle.get(it.c) ?? 0, it.w));
      const w = KIND_W[it.kind] * it.w * (it.absorbed ? ABSORBED_W : 1);
      precDen += w;
      if (allowed.has(it.c)) precNum += w;
      if (it.main && !it.absorbed) {
        if (it.kind === 'r') {
          mainRoles.push(it.c);
          if (!profileRoles.has(it.c) && !roleWord) roleWord = it.s;
        }
        if (STACK.has(it.c)) {
          if (allowed.has(it.c)) stackOk ||= LANGS.has(it.c);
          else if (!foreign) [foreign, foreignWord] = [it.c, it.s];
        } else if (it.kind === 't' && !allowed.has(it.c) && !qualifier) qualifier = it.c;
      }
    }
    // Unknown words match by stem prefix too: Snowball stems some case forms differently (персонала → персона). Only
    // an ending's worth: a longer tail is a suffix that makes another word (охрана → охранник, уборка → уборщик).
    const unknownInTitle = t.items.filter((i) => i.kind === 'u' && !i.absorbed && i.c.length >= 4);
    const titleWeight = (c: string): number => {
      const w = inTitle.get(c);
      if (w !== undefined || c.length < 4 || kindOf(c) !== 'u') return w ?? 0;
      let best = 0;
      for (const i of unknownInTitle) {
        // (not the tail that makes a place of a trade: "пекарня" is no "пекарь"; the doer of an activity is kept,
        // "специалист внутреннего аудита" is an auditor's job)
        const [lo, hi] = i.c.length <= c.length ? [i.c, c] : [c, i.c];
        const prefix = hi.startsWith(lo) && hi.length - lo.length <= 2 && !DERIVING_TAIL.test(hi.slice(lo.length));
        // Nor is an adjective made from a job noun ("ветеринарной клиники" is not "ветеринар"; "автомобильной техники"
        // is still "автомобилей").
        const derived = i.c.length > c.length && isAdjective(i.s) && wantedHeads.has(c);
        if (!derived && (prefix || fleetingVowel(c, i.c) || oneLetterOff(c, i.c))) best = Math.max(best, i.w);
        // Russian compounds put the kind in front: электросварщик, газосварщик are сварщик.
        else if (c.length >= 6 && i.c.endsWith(c)) best = Math.max(best, COMPOUND_W * i.w);
        // … and the object first, joined by о/е: "посудомоечной" is of "посуды".
        else if (c.length >= 5 && i.c.length >= c.length + 4 && /^[ое]$/.test(i.c[c.length] ?? '') && i.c.startsWith(c))
          best = Math.max(best, COMPOUND_W * i.w);
      }
      return best;
    };
    // A title with no role noun at all may name a wanted role's domain instead ("… по РСБУ" for an accountant).
    const roleless = !t.items.some(isRole);
    let title = 0;
    let bestTitle = '';
    let bestD: Desired | undefined;
    for (const d of desired) {
      let s = 0;
      let specific = false;
      for (const [c, w] of d.weights) {
        const sib = SIBLINGS[c];
        const dom = roleless ? ROLE_DOMAIN[c] : undefined;
        const m =
          w *
          Math.max(
            sib ? Math.max(titleWeight(c), SIBLING_W * titleWeight(sib)) : titleWeight(c),
            dom ? DOMAIN_W * (t.items.find((i) => i.c === dom && i.main)?.w ?? 0) : 0,
          );
        s += m;
        // A rank word is as generic as "менеджер" beside what it heads ("Руководитель" of "Руководитель отдела продаж"
        // and of "Руководитель маркетинговой аналитики"); among rank words only ("Директор", "Помощник руководителя")
        // it is what the title says.
        if (m > 0 && kindOf(c) !== 'g' && !(c.startsWith('~') && d.heads)) specific = true;
      }
      // Sharing only a generic noun ("менеджер", "инженер") is weak evidence.
      const r = (specific ? s : s / 2) / d.total;
      if (r > title) [title, bestTitle, bestD] = [r, d.text, d];
    }
    // No role anywhere in the title: the share of its specific head words that name a whole skill of the user.
    if (!t.items.some(isRole)) {
      const head = new Set<string>();
      let spec = 0;
      for (const it of t.items) {
        if (!it.main || it.absorbed || (it.kind !== 't' && it.kind !== 'u')) continue;
        head.add(it.c);
        spec += KIND_W[it.kind];
      }
      const named = new Set<string>();
      let skillText = '';
      for (const sk of skills) {
        if (!sk.whole || !sk.keys.every((k) => head.has(k))) continue;
        for (const k of sk.keys) named.add(k);
        skillText ||= sk.text;
      }
      let w = 0;
      for (const c of named) w += KIND_W[kindOf(c)];
      if (w > 0 && (SKILL_TITLE * w) / spec > title)
        [title, bestTitle, bestD] = [(SKILL_TITLE * w) / spec, skillText, undefined];
    }
    // A title that names a wanted role beside its head ("Бизнес-аналитик (экономист / бухгалтер)", "Инженер-программист
    // (системный администратор)") offers the user's job too: not another role.
    // So does one whose aside names a whole desired title, in words the dictionary does not know as a role
    // ("Офис-менеджер (помощник руководителя)", "Специалист (геодезист)").
    const aside = new Set([...t.items, ...t.cues].filter((i) => !i.main && !i.absorbed).map((i) => i.c));
    // (a job, not only a technology: "знание Python будет плюсом" does not offer "Стажёр Python")
    const wantedAside =
      t.items.some((i) => !i.main && isRole(i) && profileRoles.has(i.c)) ||
      desired.some((d) => d.jobKeys.length > 0 && d.jobKeys.every((c) => aside.has(c)));
    let roleMismatch =
      mainRoles.length > 0 &&
      profileRoles.size > 0 &&
      !wantedAside &&
      !mainRoles.some((r) => profileRoles.has(r) || looseRoles.has(r))
        ? roleWord
        : '';
    // The wanted role in another specialisation ("Бизнес-аналитик" for a data analyst) is another job. The user's
    // own family anywhere in the title ("Системный аналитик (Data)"), or another wanted role in the head
    // ("Разработчик бизнес-аналитики" for a BI developer), keeps the job in the user's field; and a specialisation
    // of the user's own family is no foreign qualifier ("Аналитик маркетплейсов" for a data analyst).
    if (!roleMismatch && roleFamilies.size > 0) {
      let ok = false;
      let other = '';
      for (const r of t.items) {
        if (!r.main || r.absorbed || r.kind !== 'r') continue;
        const mine = roleFamilies.get(r.c);
        const fam = SPECIALISATIONS[r.c];
        if (!mine || !fam) {
          ok ||= profileRoles.has(r.c);
          continue;
        }
        let named = '';
        let own = false;
        for (const q of t.items) {
          const f = q.absorbed ? undefined : fam[q.c];
          if (!f) continue;
          if (mine.has(f)) {
            own = true;
            if (qualifier === q.c) qualifier = '';
          } else if (q.main) named ||= q.s;
        }
        if (own || !named) ok = true;
        else if (!other) {
          // The words as the title orders them: "финансовый аналитик", "аналитик данных".
          const n = normalizeText(v.title);
          other = n.indexOf(named) <= n.indexOf(r.s) ? `${named} ${r.s}` : `${r.s} ${named}`;
        }
      }
      if (other && !ok) roleMismatch = other;
    }

    // Seniority: title cues (or an internship in the schedule text), else the experience band.
    // For someone who wants an assistant's job, "ассистент" / "помощник" in a vacancy title is that job, not a junior
    // grade, and the rank of whom it assists ("руководителя", "директора") is no grade either: only grade words count
    // ("Личный ассистент", "Помощник генерального директора" for an executive assistant with 6+ years).
    const gradeWords = (main: boolean): number[] =>
      t.cues.flatMap((c) => {
        const l = c.c === '~assistant' || c.c === '~head' || (main && !c.main) ? undefined : seniorityCue(c.c.slice(1));
        return l !== undefined && l < 4 ? [l] : [];
      });
    const inMain = t.mainLevels.length > 0;
    const cues =
      wantsAssistant && t.cues.some((c) => c.c === '~assistant')
        ? gradeWords(inMain)
        : inMain
          ? t.mainLevels
          : t.levels;
    let vr = rangeOfLevels(cues);
    if (!vr && v.scheduleText && /стажировк|internship/i.test(v.scheduleText)) vr = { lo: 0, hi: 0 };
    let vacancyLevel = vr ?? (v.experience ? rangeOfExperience(v.experience) : undefined);
    let levelGap = vacancyLevel ? rangeGap(wantRange, vacancyLevel) : 0;
    // An assistant to X ("Помощник бухгалтера", "Ассистент главного инженера проекта") does X's routine under X: for
    // someone who wants X at middle level or above that is two levels down, whatever else the title names.
    if (t.assistant && !wantsAssistant && wantRange.lo >= 2) {
      vacancyLevel = { lo: Math.min(vacancyLevel?.lo ?? 1, 1), hi: 1 };
      levelGap = Math.max(levelGap, 2);
    }
    // hh's id is the employer's band: "1–3 years" with no level word in the title is a junior-to-middle job, two
    // bands below someone with 6+ years. ("No experience" is not a band but "not required"; it is left to the
    // one-level gap, since many non-IT employers hire experienced people under it.)
    if (!vr && v.experience && userExp !== null && levelGap === 1 && gradedField) {
      const vi = EXPERIENCE_INDEX[v.experience];
      if (vi >= 1 && userExp - vi >= 2) levelGap = 2;
    }
    // Outside graded fields hh's id is a minimum: a nurse or a guard with 6+ years is welcome where 1–3 years or none
    // will do. Only a level the title names ("Помощник", "Стажёр", "Младший") is below them.
    // But where every title of the user's names a head post ("Главный бухгалтер"), the plain post ("Бухгалтер") is a
    // step below, whatever hh's id says.
    if (!vr && !gradedField && !t.assistant && vacancyLevel && vacancyLevel.hi < wantRange.lo)
      levelGap = wantsHeadPost ? Math.min(levelGap, 1) : 0;
    const levelDir = vacancyLevel
      ? Math.sign(vacancyLevel.lo - wantRange.hi) || -Math.sign(wantRange.lo - vacancyLevel.hi)
      : 0;
    // The title is the wanted job and names a level inside the user's band ("Стажёр (аналитика …)" for a
    // newcomer): surer than a level inferred from hh's experience id. A wide band (no experience given) says
    // nothing, and a title that is another job gets no credit for its level.
    const levelFit =
      cues.length > 0 &&
      !!vr &&
      levelGap === 0 &&
      rangeGap(wantRange, vr) === 0 &&
      wantRange.hi - wantRange.lo <= 2 &&
      title >= 0.8 &&
      !foreign &&
      !roleMismatch;
    let yearsGap = 0;
    let needYears = v.experience ? EXPERIENCE_MIN_YEARS[v.experience] : 0;
    if (userExp !== null) {
      if (v.experience) yearsGap = Math.max(0, EXPERIENCE_INDEX[v.experience] - userExp);
      // A full description often states the requirement more precisely than hh's experience id ("от 3-х лет").
      const said = full && v.description ? statedYears(v.description) : undefined;
      if (said !== undefined && experienceIndexOfYears(said) - userExp > yearsGap) {
        yearsGap = experienceIndexOfYears(said) - userExp;
        needYears = Math.floor(said);
      }
    }

    // Skill evidence: title + snippet on a card; plus key skills and description on a full vacancy.
    const bag = new Map<string, number>(inTitle);
    if (v.snippet) analyzeBag(v.snippet, bag, wantInText);
    if (full) {
      if (v.keySkills) for (const k of v.keySkills) analyzeBag(k, bag, wantInText);
      if (v.description) analyzeBag(v.description, bag, wantInText);
    }
    const skillsMatched: string[] = [];
    let skillW = 0;
    for (const s of skills) {
      if (s.keys.every((k) => bag.has(k))) {
        skillsMatched.push(s.text);
        skillW += s.w;
      }
    }
    const skillFrac = skillTotal > 0 ? skillW / skillTotal : 0;
    let coreHit = 0;
    for (const c of coreSet) if (bag.has(c)) coreHit++;
    const coreFrac = coreSet.size > 0 ? coreHit / coreSet.size : 0;
    // The core is found in the title the way the title's words are (a spelling apart: "мерчандайзер" for the user's
    // "мерчендайзер").
    const coreMissing = core && !bag.has(core) && titleWeight(core) === 0 ? core : '';
    const techMissing = coreTech.length > 0 && !coreTech.some((c) => bag.has(c));

    let pSame = -1;
    let role: RoleInfo | undefined;
    let pRole = 0;
    let pTop3 = 0;
    let roleUnsure = false;
    if (roleModel) {
      const ids =
        v.professionalRoleIds?.map((id) => roleModel.roleIndex(id)).filter((i): i is number => i !== undefined) ?? [];
      if (ids.length > 0) {
        // hh's own roles for the vacancy: certain.
        pSame = ids.some((i) => userRoles.has(i)) ? 1 : 0;
        role = roleModel.roles[ids.find((i) => !userRoles.has(i)) ?? ids[0] ?? 0];
        pRole = 1;
        pTop3 = 1;
      } else {
        const pr = roleModel.predict(v.title);
        pSame = 0;
        for (const i of userRoles) pSame += pr.probs[i] ?? 0;
        role = pr.top[0]?.role;
        pRole = pr.top[0]?.p ?? 0;
        pTop3 = pr.top.slice(0, 3).reduce((s, x) => s + x.p, 0);
        // A head word new to the model makes its reading untrustworthy ("Product Owner": owner), unless the words it
        // knows settle it all but certainly ("Сварщик-аргонщик": welder 0.98).
        roleUnsure = pr.unknown || (pr.unknownHead && pRole < ROLE_CERTAIN);
      }
    }

    // (a title made only of job-naming cue words, "Ассистент руководителя", "Директор", does name a job)
    const genericHead =
      t.items.some((i) => i.kind === 'g') &&
      !t.items.some((i) => !i.absorbed && (i.kind === 'r' || i.kind === 't' || i.kind === 'u'));
    // The title names a specialisation of its own where the user's names another: what the user's title says and this
    // one does not, in the user's words.
    // An abbreviation the dictionary does not know ("Инженер-монтажник ВОЛС" for "Монтажник СКС") names something, but
    // what is unknown: not understanding it is no evidence of another speciality.
    // (read only for an unknown word that would count: most titles never need it)
    let abbrev: Set<string> | undefined;
    const isAbbrev = (s: string): boolean => (abbrev ??= abbreviationsIn(v.title)).has(s);
    const ownHead = t.items.some(
      (i) =>
        i.main &&
        !i.absorbed &&
        i.kind !== 'g' &&
        i.c.length >= 3 &&
        !allowed.has(i.c) &&
        !(i.kind === 'u' && isAbbrev(i.s)) &&
        // (the user's word spelt another way is the user's: "Мерчандайзер" for "мерчендайзер")
        !(i.kind === 'u' && allowedUnknown.some((c) => oneLetterOff(c, i.c))),
    );
    // A title with the user's job noun that also shares a word of the speciality ("Оператор базы данных" for "Оператор
    // ввода данных") is a neighbour within it, not another speciality.
    const sharesSpeciality = (d: Desired): boolean => {
      const heads = headsOf.get(d.text) ?? [];
      if (!heads.some((h) => titleWeight(h.c) > 0)) return false;
      const own = new Set(titleHeads(v.title).map((h) => h.c));
      return d.specific.some(({ c }) => titleWeight(c) > 0 && !own.has(c) && !heads.some((h) => h.c === c));
    };
    // What it lacks may be only the user's job noun, the speciality shared: "Брокер по коммерческой недвижимости" for
    // "Агент по недвижимости". Another name of the same job when the role model reads it as the user's role (hh's roles
    // are broad, but here the speciality is not in question); "Бухгалтер по недвижимости" stays another one.
    const sameJobRenamed = (d: Desired, missing: { c: string }[]): boolean =>
      pSame >= ROLE_SAME &&
      missing.length > 0 &&
      missing.length < d.specific.length &&
      missing.every(({ c }) => (headsOf.get(d.text) ?? []).some((h) => h.c === c));
    const missing =
      ownHead && bestD && !sharesSpeciality(bestD) ? bestD.specific.filter(({ c }) => titleWeight(c) === 0) : [];
    const lacking = bestD && sameJobRenamed(bestD, missing) ? [] : missing;
    const titleLacks = lacking
      .filter(({ c }) => !SIBLINGS[c] || titleWeight(SIBLINGS[c]) === 0)
      .map(({ c, s }) => (s.includes(' ') ? s : (display.get(c) ?? s)))
      .join(' ');
    return {
      titleLacks,
      wantedAside,
      pSame,
      role,
      pRole,
      pTop3,
      roleUnsure,
      techMissing,
      genericHead,
      genericShared: t.items.some((i) => i.kind === 'g' && usesGeneric(i)),
      full,
      title,
      bestTitle,
      titleHasRole: mainRoles.length > 0,
      precision: precDen > 0 ? precNum / precDen : 0,
      roleMismatch,
      foreign: foreign && (display.get(foreign) ?? techName(foreignWord)),
      foreignSoft: stackOk,
      qualifier,
      levelGap,
      levelDir,
      vacancyLevel,
      levelFit,
      yearsGap,
      needYears,
      skillsMatched,
      skillFrac,
      coreMissing,
      coreFrac,
    };
  }

  /**
   * The role model says the vacancy is one of the user's hh roles. Not enough over a stack the user lacks or a job
   * defined by a technology the title does not name (hh's "programmer" is every stack), and it takes a surer
   * reading to overrule the dictionary's own role mismatch.
   */
  function isSameRole(f: Features): boolean {
    // Where the words found nothing, or only a part that contradicts nothing. hh's roles are broad ("Учитель, преподаватель"
    // is every subject, "Врач" every speciality), so a title the words partly match and partly contradict (it lacks a
    // speciality word of the user's) keeps the words' verdict; one that lacks none takes the role reading too
    // ("Мерчандайзер" for "Визитный мерчендайзер", "Брокер по недвижимости" for "Агент по недвижимости").
    if (f.pSame < ROLE_SAME || f.foreign || f.title >= 0.8 || (f.title >= 0.4 && f.titleLacks !== '')) return false;
    if (f.techMissing) return false;
    return !f.roleMismatch || f.pSame >= ROLE_OVERRULE;
  }

  function logit(f: Features): number {
    // Evidence that the job is the wanted one, capped: a perfect text match must not outvote a wrong level.
    let rel = -3.2 + 5.5 * f.title * (0.6 + 0.4 * f.precision);
    rel += f.full ? 2.0 * f.skillFrac + 1.0 * f.coreFrac - 0.9 : 1.5 * f.skillFrac;
    // A title that names no role ("Старший специалист отдела отчётности") leaves the job to the text.
    if (f.full && !f.titleHasRole) rel += 2.0 * f.skillFrac * f.coreFrac;
    if (f.levelFit) rel += LEVEL_FIT;
    // hh's role of the vacancy is one the user wants: the job is theirs even in words the profile lacks
    // ("Product Owner" for a product manager). Not over a stack the user lacks (the role "programmer" is every stack).
    const sameRole = isSameRole(f);
    if (sameRole) rel = Math.max(rel, logitOf(SAME_ROLE_BASE + SAME_ROLE_SLOPE * f.pSame));
    let x = Math.min(rel, REL_CAP);
    if (f.roleMismatch && !sameRole) x -= 2.0;
    if (f.foreign) x -= f.foreignSoft ? 0.5 : 1.5;
    if (f.qualifier) x -= 0.6;
    x -= f.levelGap === 0 ? 0 : f.levelGap === 1 ? 1.0 : 3.5 + (f.levelGap - 2);
    x -= [0, 0.3, 3.0, 4.0][f.yearsGap] ?? 4.0;
    return x;
  }

  function reasonsOf(f: Features): Reason[] {
    const out: Reason[] = [];
    // Every reason must be true of the vacancy: a level word of the desired title is shown only when the vacancy is at
    // that level ("Junior Python developer" is not what a Middle vacancy matches), and a title built around another
    // stack or role does not "partly match" for sharing a generic word ("Senior Java Developer", "Python developer").
    // (In a title made only of rank words the rank word is the job: "Руководитель отдела продаж", never "отдела продаж".)
    const shown = f.levelFit || cueOnlyTitles.has(f.bestTitle) ? f.bestTitle : withoutLevelWords(f.bestTitle);
    // Nor does a title "match" one of the user's when its head names another role ("Системный администратор" is no
    // "Администратор" of a front desk) or only another stack.
    const sameRole = isSameRole(f);
    const contradicted = (f.roleMismatch && !sameRole) || (f.foreign && !f.foreignSoft);
    if (f.title >= 0.8 && !contradicted) out.push({ code: 'title_match', polarity: 'plus', params: { title: shown } });
    else if (f.title >= 0.4 && f.title < 0.8 && !f.foreign && !f.roleMismatch)
      out.push({ code: 'title_partial', polarity: 'plus', params: { title: shown } });
    if (sameRole && f.role) out.push({ code: 'role_same', polarity: 'plus', params: { role: f.role.name } });
    if (f.roleMismatch && !sameRole)
      out.push({ code: 'role_mismatch', polarity: 'minus', params: { role: f.roleMismatch } });
    if (f.foreign) out.push({ code: 'foreign_tech', polarity: 'minus', params: { tech: f.foreign } });
    if (f.coreMissing)
      out.push({
        code: 'missing_core',
        polarity: 'minus',
        params: { word: display.get(f.coreMissing) ?? f.coreMissing, where: f.full ? 'full' : 'card' },
      });
    else if (f.title < 0.4) out.push({ code: 'title_no_match', polarity: 'minus' });
    if (f.skillsMatched.length > 0) {
      out.push({
        code: 'skills',
        polarity: 'plus',
        params: { n: f.skillsMatched.length, list: f.skillsMatched.slice(0, 5).join(', ') },
      });
    }
    if (f.levelFit && f.vacancyLevel)
      out.push({ code: 'level_fit', polarity: 'plus', params: { level: LEVEL_NAMES[f.vacancyLevel.lo] ?? 'middle' } });
    if (f.levelGap > 0 && f.vacancyLevel) {
      const lvl = LEVEL_NAMES[f.levelDir > 0 ? f.vacancyLevel.lo : f.vacancyLevel.hi] ?? 'middle';
      out.push({ code: f.levelDir > 0 ? 'level_above' : 'level_below', polarity: 'minus', params: { level: lvl } });
    }
    return out;
  }

  return {
    features,
    score(v, thresholds = defaults) {
      let f = features(v);
      // "Product / Project Manager" is "Product Manager / Project Manager": the first alternative read whole is scored
      // too and the better reading kept (no dictionary concept sees "Product" beside a slash as "Product Manager").
      const m = SHARED_HEAD.exec(v.title);
      if (m && modifierOnly(m[1] ?? '') && modifierOnly(m[2] ?? '')) {
        const alt = features({ ...v, title: `${m[1]} ${m[3]}` });
        // Skills stay those of the title as written: a reason names only what the vacancy's own words hold.
        const merged = { ...alt, skillsMatched: f.skillsMatched, skillFrac: f.skillFrac };
        if (logit(merged) > logit(f)) f = merged;
      }
      // The shown score is calibrated; a profile with only hard filters keeps its neutral "show".
      let score = neutral ? NEUTRAL_SCORE : cal(sigmoid(logit(f)));
      const reasons = neutral ? [] : reasonsOf(f);
      if (!neutral && f.yearsGap >= 1) {
        reasons.push({ code: 'needs_experience', polarity: 'minus', params: { years: f.needYears } });
      }
      // Hide only on evidence. A title the words do not match is another profession when the role model is sure
      // of it; when it is not (an unfamiliar title), the vacancy is dimmed as "not sure" rather than hidden.
      // A title the words only partly match hides on evidence too: it names another specialisation of the same job
      // ("Преподаватель программирования" for "Преподаватель английского языка"), or the role model is sure it is
      // another profession (below); a low score from a weak match alone is not evidence ("Оператор склада" for
      // "Работник склада").
      // A level one step off is borderline (the guide's word), not evidence against the job.
      const weak = (r: Reason): boolean => (r.code === 'level_above' || r.code === 'level_below') && f.levelGap < 2;
      // One band of hh's experience short ("needs 1+ year" for a beginner) counts against the job, but a hidden title that
      // also names another speciality says so: the years are not the reason given alone.
      const shortByOne = (r: Reason): boolean => r.code === 'needs_experience' && f.yearsGap < 2;
      let noEvidence = !reasons.some((r) => r.polarity === 'minus' && !weak(r));
      if (
        !neutral &&
        !reasons.some((r) => r.polarity === 'minus' && !weak(r) && !shortByOne(r)) &&
        score < thresholds.hide &&
        f.titleLacks
      ) {
        reasons.push({ code: 'title_lacks', polarity: 'minus', params: { words: f.titleLacks } });
        noEvidence = false;
      }
      if (
        !neutral &&
        roleModel &&
        score < thresholds.hide &&
        ((f.title < 0.4 && !f.roleMismatch && !f.foreign && f.levelGap < 2 && f.yearsGap < 2) || noEvidence)
      ) {
        // The model's reading is evidence only about a title that names something specific, and not against a word the
        // title shares with the user's own ("Сервисный механик" for "Механик по ремонту автомобилей").
        // Nor against a full vacancy whose job noun is the user's and whose text names two of the user's skills: the
        // text says it is the same trade ("Сервисный механик" asking for diagnostics and servicing). Sharing what the
        // job is about is not enough ("Менеджер по продажам" for "Руководитель отдела продаж").
        // A title the words partly match shares a specific word with the user's: the model's reading is evidence
        // against it only when the model is all but certain ("Бизнес-аналитик склада" for "Работник склада", not
        // "Оператор склада"). So is a title of generic nouns only ("Ведущий инженер", which the model reads loosely):
        // its reading counts only when all but certain. Nor is a reading whose likeliest role is the user's own evidence
        // of another profession, however unsure ("Звезда продаж": sales manager 0.13).
        const sameTrade =
          (f.full && f.skillsMatched.length >= 2 && sharesHeadOf(v.title)) ||
          (f.title >= 0.4 && (f.pRole < ROLE_CERTAIN || f.wantedAside));
        if (
          !sameTrade &&
          f.pSame < ROLE_OTHER &&
          f.pSame < f.pRole &&
          f.pTop3 >= ROLE_FOCUS &&
          !(f.genericShared && f.pRole < GENERIC_FLAT) &&
          !f.roleUnsure &&
          (!f.genericHead ||
            f.pRole >= ROLE_CERTAIN ||
            (!f.genericShared && f.pTop3 >= GENERIC_FOCUS) ||
            (f.full && f.skillFrac === 0 && f.coreFrac === 0))
        ) {
          reasons.push({
            code: 'other_profession',
            polarity: 'minus',
            params: { role: f.role && f.pRole >= ROLE_SURE ? f.role.name : '' },
          });
        } else {
          score = cal(NOT_SURE_SCORE);
          reasons.push({ code: 'not_sure', polarity: 'minus' });
        }
      }
      const titleStems = tokenize(normalizeText(v.title)).map((w) => tokenInfo(w).stem);
      const hard = filters.check(v, titleStems);
      const unmet = requirements.check(v, f.full);
      if (unmet?.kind === 'licence')
        hard.push({ code: 'needs_licence', polarity: 'minus', hard: true, params: { cats: unmet.cats.join(', ') } });
      else if (unmet?.kind === 'language' && unmet.soft)
        reasons.push({ code: 'needs_language', polarity: 'minus', params: { lang: unmet.id, level: unmet.level } });
      else if (unmet?.kind === 'language')
        hard.push({
          code: 'needs_language',
          polarity: 'minus',
          hard: true,
          params: { lang: unmet.id, level: unmet.level },
        });
      else if (unmet?.kind === 'medical') hard.push({ code: 'needs_medical', polarity: 'minus', hard: true });
      if (hard.length > 0) {
        reasons.unshift(...hard);
        score = Math.min(score, thresholds.hide / 2);
      }
      const verdict: Verdict =
        hard.length > 0 || score < thresholds.hide ? 'hide' : score < thresholds.dim ? 'dim' : 'show';
      return { score, verdict, reasons };
    },
  };
}
