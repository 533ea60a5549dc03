/** The fake applicant (two resumes, session, xsrf) and what happened on the server (applications). */
import { fnv1a, mulberry32, randomHex } from './hash.ts';
import type { Behaviour } from './misbehave.ts';

export interface FakeResume {
  hash: string;
  id: string;
  title: string;
  /** What "similar vacancies" (`/search/vacancy?resume=HASH`) searches for. */
  searchText: string;
  salary: number;
  keySkills: string[];
  area: string;
  /** Resume page text (`/resume/<hash>`, shape NOT from a capture: see render-pages.ts renderResumePage). */
  about: string;
  jobs: { position: string; company: string; description: string }[];
  /** hh professional role ids (state `professionalRole`), the page's driving licence line and language lines. */
  professionalRoles: string[];
  licences: string;
  languages: string[];
}

const resumeHash = (label: string) => randomHex(mulberry32(fnv1a(label)), 38);

/** The two resumes of the fake user: deterministic 38-hex hashes, the same in every run. */
export const RESUMES: readonly FakeResume[] = [
  {
    hash: resumeHash('otklik-fake-resume-frontend'),
    id: '270633823',
    title: 'Frontend-разработчик',
    searchText: 'frontend',
    salary: 250_000,
    keySkills: ['TypeScript', 'React', 'JavaScript', 'CSS', 'HTML'],
    area: 'Москва',
    about: 'Фронтенд-разработчик, пять лет с React и TypeScript. Люблю доступные интерфейсы и быстрые страницы.',
    jobs: [
      {
        position: 'Frontend-разработчик',
        company: 'ООО «Витрина»',
        description: 'Личный кабинет на React и TypeScript.\nДизайн-система, тесты на Playwright.',
      },
      { position: 'Верстальщик', company: 'Студия «Пиксель»', description: 'Адаптивная вёрстка лендингов.' },
    ],
    professionalRoles: ['96'],
    licences: 'B',
    languages: ['Русский — Родной', 'Английский — B2 — Средне-продвинутый'],
  },
  {
    hash: resumeHash('otklik-fake-resume-analyst'),
    id: '254793532',
    title: 'Аналитик данных',
    searchText: 'аналитик данных',
    salary: 180_000,
    keySkills: ['SQL', 'Python', 'Pandas', 'Power BI'],
    area: 'Москва',
    about: 'Аналитик данных: SQL, Python, дашборды. Довожу отчёты до решений.',
    jobs: [
      {
        position: 'Аналитик данных',
        company: 'Ритейл Групп',
        description: 'Отчёты по продажам в Power BI, A/B-тесты на Python.',
      },
    ],
    professionalRoles: ['156'],
    licences: '',
    languages: ['Русский — Родной'],
  },
];

export const ACCOUNT = {
  firstName: 'Иван',
  lastName: 'Иванов',
  middleName: 'Иванович',
  userId: '100000001',
  hhid: '100000000',
};

export interface Application {
  vacancyId: number;
  resumeHash: string;
  letter: string;
  /** ms since epoch on the fake's clock */
  time: number;
  topicId: string;
  chatId: string;
  withTestAnswers: boolean;
  /** What the employer received for its questionnaire (question → answer), in page order. */
  testAnswers?: Array<{ question: string; answer: string }>;
}

export interface ServerState {
  seed: number;
  rnd: () => number;
  /** The value of the `_xsrf` cookie the site hands out (and puts into InitialState.xsrfToken). */
  xsrf: string;
  /** The `hhtoken` session cookie value of the logged-in user. */
  sessionToken: string;
  applications: Application[];
  appliedByVacancy: Map<number, Application>;
  behaviour: Behaviour;
  /** Counters for count-based misbehaviour (`status5xx: 3` = the next 3 requests in scope fail). */
  budget: { status5xx: number; dropConnection: number };
  /** Added to Date.now() — lets tests move the rolling 24 h window. */
  clockOffsetMs: number;
  nextTopicId: number;
}

export function newState(seed: number, behaviour: Behaviour): ServerState {
  const rnd = mulberry32(seed);
  return {
    seed,
    rnd,
    xsrf: randomHex(rnd, 32),
    sessionToken: randomHex(rnd, 32),
    applications: [],
    appliedByVacancy: new Map(),
    behaviour,
    budget: { status5xx: 0, dropConnection: 0 },
    clockOffsetMs: 0,
    nextTopicId: 5_179_231_635 + (seed % 1000) * 1000,
  };
}

export function nowOf(state: ServerState): number {
  return Date.now() + state.clockOffsetMs;
}

/** Successful applications within the rolling 24 h before `now`. */
export function appliedInLastDay(state: ServerState, now: number): number {
  const since = now - 24 * 60 * 60 * 1000;
  let n = 0;
  for (const a of state.applications) if (a.time > since && a.time <= now) n++;
  return n;
}
