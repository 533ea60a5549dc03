import { analyzeBag } from '../../core/match/analyze';
import type { Profile } from '../../core/match/profile';
import type { MatchVacancy } from '../../core/match/vacancy';

/**
 * Which of the user's skills a vacancy asks for, and which of the vacancy's key skills the user lacks, through
 * the scorer's own normalisation (stemming, synonyms, phrases): "JS" matches "JavaScript", "Постгрес"
 * matches "PostgreSQL". A skill counts as present when every concept it names is present on the other side.
 */
export interface SkillGap {
  /** The user's skills (as the user wrote them) that the vacancy's key skills or text mention. */
  matched: string[];
  /** The vacancy's key skills (as hh lists them) found neither in the user's skills nor in the resume text. */
  missing: string[];
}

function concepts(text: string): Set<string> {
  return new Set(analyzeBag(text).keys());
}

const covered = (need: ReadonlySet<string>, have: ReadonlySet<string>) =>
  need.size > 0 && [...need].every((c) => have.has(c));

export function skillGap(
  profile: Pick<Profile, 'skills' | 'resumeText'>,
  v: Pick<MatchVacancy, 'keySkills' | 'description' | 'snippet' | 'title'>,
): SkillGap {
  const keySkills = v.keySkills ?? [];
  const vacancyHas = concepts([v.title, keySkills.join(' , '), v.description ?? '', v.snippet ?? ''].join(' \n '));
  const matched: string[] = [];
  const userHas = new Set<string>();
  for (const s of profile.skills) {
    const c = concepts(s);
    c.forEach((x) => userHas.add(x));
    if (covered(c, vacancyHas) && !matched.includes(s)) matched.push(s);
  }
  if (profile.resumeText.trim()) concepts(profile.resumeText).forEach((x) => userHas.add(x));
  const missing: string[] = [];
  for (const k of keySkills) {
    const c = concepts(k);
    if (c.size && !covered(c, userHas) && !missing.includes(k)) missing.push(k);
  }
  return { matched, missing };
}
