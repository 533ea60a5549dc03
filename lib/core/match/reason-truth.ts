/**
 * Test helper: is every reason the scorer gives true of the vacancy? Checks what a reason claims against the
 * vacancy's own words (and the profile's): a title "matches" only a desired title whose level words the vacancy has
 * and with which it shares a specific word; a skill, a foreign stack or a role word is shown only when the vacancy
 * names it; a missing word is the user's own word (never an internal concept id) and is absent; a level reason names
 * the vacancy's level. Returns the problems found (empty: all true). Used by reasons-true.test.ts over handmade and
 * real vacancies.
 */
import { analyzeBag, analyzeTitle, tokenInfo } from './analyze';
import { normalizeText, tokenize } from './normalize';
import type { Profile } from './profile';
import type { Reason } from './reasons';
import { ROLE_DOMAIN } from './score';
import { EXPERIENCE_MIN_YEARS, LEVEL_NAMES, rangeOfExperience, statedYears } from './seniority';
import type { MatchVacancy } from './vacancy';

const STACK_WORDS = new Set(
  'python javascript typescript java golang csharp cpp dotnet php ruby kotlin swift flutter rust scala 1c ios android'.split(
    ' ',
  ),
);
const stems = (text: string): string[] => tokenize(normalizeText(text)).map((w) => tokenInfo(w).stem);
/** Specific words of a title: concepts that are not generic nouns, level words or stop words. */
function specific(text: string): Set<string> {
  return new Set(
    analyzeTitle(text)
      .items.filter((i) => i.kind !== 'g' && i.kind !== 's' && i.kind !== 'n')
      .map((i) => i.c),
  );
}
/** One word in two stems: the same, a shared 5-letter start (Snowball's case forms), or a compound ending in it (электросварщик). */
const near = (a: string, b: string): boolean =>
  a === b ||
  (a.length >= 5 && b.length >= 5 && (a.startsWith(b.slice(0, 5)) || b.startsWith(a.slice(0, 5)))) ||
  (a.length >= 6 && b.endsWith(a));
/** A skill's words as the scorer looks for them: its specific concepts, or its generic ones when it has nothing else. */
function skillKeys(text: string): string[] {
  let keys = analyzeTitle(text).items.filter((i) => !i.absorbed && i.kind !== 's' && i.kind !== 'n');
  if (keys.some((k) => k.kind !== 'g')) keys = keys.filter((k) => k.kind !== 'g');
  return [...new Set(keys.map((k) => k.c))];
}

export function reasonProblems(profile: Profile, v: MatchVacancy, reasons: readonly Reason[], full: boolean): string[] {
  const out: string[] = [];
  const title = analyzeTitle(v.title);
  const titleConcepts = new Set([...title.items.map((i) => i.c), ...title.cues.map((i) => i.c)]);
  const titleStems = stems(v.title);
  const text = [v.title, v.snippet ?? '', ...(full ? [...(v.keySkills ?? []), v.description ?? ''] : [])].join('\n');
  const bag = analyzeBag(text);
  const textStems = new Set(stems(text));
  const codes = new Set(reasons.map((r) => r.code));
  for (const r of reasons) {
    const p = r.params ?? {};
    const s = (k: string): string => String(p[k] ?? '');
    switch (r.code) {
      case 'title_match':
      case 'title_partial': {
        const shown = s('title');
        const own = [...profile.desiredTitles, ...profile.skills].some(
          (t) => t === shown || t.includes(shown) || normalizeText(t).includes(normalizeText(shown)),
        );
        if (!own) out.push(`${r.code}: '${shown}' is none of the user's titles`);
        const shownLevels = analyzeTitle(shown).levels;
        if (shownLevels.length > 0 && !shownLevels.some((l) => title.levels.includes(l)))
          out.push(`${r.code}: '${shown}' names a level the vacancy "${v.title}" lacks`);
        const spec = specific(shown);
        const shared =
          [...spec].some((c) => titleConcepts.has(c) || titleConcepts.has(ROLE_DOMAIN[c] ?? '-')) ||
          stems(shown).some((a) => titleStems.some((b) => near(a, b) && tokenInfo(a).kind !== 'g'));
        if (spec.size > 0 && !shared && !codes.has('role_same'))
          out.push(`${r.code}: '${shown}' shares no specific word with "${v.title}"`);
        // A desired title about one stack does not match a title about only others ("Python developer", "Java Developer").
        const stackOf = (a: ReturnType<typeof analyzeTitle>) =>
          new Set(a.items.filter((i) => i.kind === 't' && !i.absorbed && STACK_WORDS.has(i.c)).map((i) => i.c));
        const shownStack = stackOf(analyzeTitle(shown));
        const vacStack = stackOf(title);
        if (shownStack.size > 0 && vacStack.size > 0 && ![...shownStack].some((c) => vacStack.has(c)))
          out.push(`${r.code}: '${shown}' is about another stack than "${v.title}"`);
        // (a title may match the user's and also name a foreign stack beside one of the user's: "Python/Go developer")
        if (codes.has('role_mismatch') || (r.code === 'title_partial' && codes.has('foreign_tech')))
          out.push(`${r.code} together with a different role or stack on "${v.title}"`);
        break;
      }
      case 'skills':
        for (const sk of s('list').split(', ')) {
          const keys = skillKeys(sk);
          if (keys.length > 0 && !keys.every((k) => bag.has(k) || textStems.has(k)))
            out.push(`skills: '${sk}' is not in the vacancy`);
        }
        break;
      case 'foreign_tech':
      case 'role_mismatch': {
        const w = s(r.code === 'foreign_tech' ? 'tech' : 'role');
        const ws = stems(w);
        if (
          !ws.every((a) => titleStems.some((b) => near(a, b))) &&
          ![...specific(w)].every((c) => titleConcepts.has(c))
        )
          out.push(`${r.code}: '${w}' is not in "${v.title}"`);
        break;
      }
      case 'missing_core': {
        const w = s('word');
        const inProfile = profile.desiredTitles.some((t) => normalizeText(t).includes(normalizeText(w)));
        if (!inProfile) out.push(`missing_core: '${w}' is not a word of the user's titles`);
        const keys = skillKeys(w);
        if (keys.length > 0 && keys.every((k) => bag.has(k))) out.push(`missing_core: '${w}' is in the vacancy`);
        break;
      }
      case 'title_lacks': {
        const w = s('words');
        if (!profile.desiredTitles.some((t) => stems(w).every((a) => stems(t).some((b) => near(a, b)))))
          out.push(`title_lacks: '${w}' is not a word of the user's titles`);
        if (stems(w).some((a) => titleStems.some((b) => near(a, b))))
          out.push(`title_lacks: '${w}' is in "${v.title}"`);
        break;
      }
      case 'level_fit':
      case 'level_above':
      case 'level_below': {
        const lvl = LEVEL_NAMES.indexOf(s('level') as (typeof LEVEL_NAMES)[number]);
        const range =
          title.levels.length > 0
            ? { lo: Math.min(...title.levels), hi: Math.max(...title.levels) }
            : v.experience
              ? rangeOfExperience(v.experience)
              : undefined;
        const intern = /стажировк|internship/i.test(v.scheduleText ?? '') && lvl === 0;
        if (!intern && !title.assistant && (!range || lvl < range.lo || lvl > range.hi))
          out.push(`${r.code}: "${v.title}" (${v.experience ?? 'no experience id'}) is not ${s('level')}`);
        if (r.code === 'level_fit' && title.levels.length === 0) out.push(`level_fit: "${v.title}" names no level`);
        break;
      }
      case 'needs_experience': {
        const y = Number(p.years);
        const id = v.experience ? EXPERIENCE_MIN_YEARS[v.experience] : undefined;
        const said = full && v.description ? statedYears(v.description) : undefined;
        if (y !== id && (said === undefined || Math.floor(said) !== y))
          out.push(`needs_experience: ${y} years is neither hh's id (${v.experience}) nor the text's`);
        break;
      }
    }
  }
  return out;
}
