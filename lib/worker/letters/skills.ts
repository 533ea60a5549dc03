import { analyzeBag, tokenInfo } from '../../core/match/analyze';
import { normalizeText, tokenize } from '../../core/match/normalize';

/**
 * Skills through lib/core/match's concepts (synonyms, transliterations, stems): "Питон" in a vacancy matches the
 * user's "Python", "k8s" matches "Kubernetes".
 */

/** The user's skills that the vacancy asks for, most mentioned first (the letter names 2–3 of them). */
export function matchedSkills(userSkills: readonly string[], vacancyText: string): string[] {
  const bag = analyzeBag(vacancyText);
  const scored: Array<{ skill: string; n: number; i: number }> = [];
  userSkills.forEach((skill, i) => {
    const concepts = [...analyzeBag(skill).keys()];
    if (!concepts.length) return;
    const n = Math.max(...concepts.map((c) => bag.get(c) ?? 0));
    if (n > 0) scored.push({ skill, n, i });
  });
  return scored.sort((a, b) => b.n - a.n || a.i - b.i).map((s) => s.skill);
}

/** Domain words the dictionary files under technologies that a letter may use without claiming a skill. */
const GENERIC = new Set([
  'project',
  'backend',
  'frontend',
  'fullstack',
  'web',
  'api',
  'it',
  'mobile',
  'data',
  'product',
  'team',
  'code',
  'sql',
]);

/**
 * Technologies a letter names that the user's profile never mentions (skills, resume, desired titles) nor the
 * vacancy title: the model invented them, or copied them from the vacancy as if they were the user's. Only
 * Latin-script words are checked: tools are written so in Russian letters too (Kafka, Kubernetes, Go), while
 * Cyrillic domain words ("проект", "разработка") are prose, not claims.
 */
export function unknownSkills(letter: string, profileText: string): string[] {
  const mine = analyzeBag(profileText);
  const out = new Set<string>();
  for (const token of tokenize(normalizeText(letter))) {
    if (!/^[a-z]/.test(token)) continue;
    const info = tokenInfo(token);
    if (info.kind !== 't' || GENERIC.has(info.c) || mine.has(info.c)) continue;
    out.add(info.c);
  }
  return [...out];
}
