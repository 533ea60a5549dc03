import { analyzeBag, kindOf } from '../match/analyze';

/**
 * Skills through lib/match's concepts (synonyms, transliterations, stems): "Питон" in a vacancy matches the
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

/**
 * Technologies a letter names that the user's profile never mentions (skills, resume, desired titles): the
 * model invented them, or copied them from the vacancy as if they were the user's.
 */
export function unknownSkills(letter: string, profileText: string): string[] {
  const mine = analyzeBag(profileText);
  const out: string[] = [];
  const letterBag = analyzeBag(letter);
  for (const c of letterBag.keys()) if (kindOf(c) === 't' && !mine.has(c)) out.push(c);
  return out;
}
