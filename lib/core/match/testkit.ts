/** Helpers for the scorer's unit tests: terse vacancy and profile builders. */
import { type ProfileInput, profileSchema, type Profile } from './profile';
import type { MatchVacancy } from './vacancy';

let n = 0;
export function vac(title: string, extra: Partial<MatchVacancy> = {}): MatchVacancy {
  return { id: String(++n), title, employer: null, salary: null, experience: null, workFormats: [], ...extra };
}
export function profile(p: ProfileInput): Profile {
  return profileSchema.parse(p);
}
export const pythonJunior = (): Profile =>
  profile({
    desiredTitles: ['Junior Python developer', 'Python-разработчик', 'Стажёр Python'],
    skills: ['Python', 'Django', 'FastAPI', 'SQL', 'PostgreSQL', 'Git', 'Docker'],
    experience: 'noExperience',
  });
