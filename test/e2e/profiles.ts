import { defaultSettings, type Settings } from '../../lib/core/settings/schema';

/** A first-job Python developer: the persona the product was started for. Our own words, not bench data. */
export function pythonJuniorSettings(): Settings {
  const s = defaultSettings();
  s.profile = {
    ...s.profile,
    desiredTitles: ['Junior Python developer', 'Python-разработчик', 'Стажёр Python'],
    skills: ['Python', 'Django', 'FastAPI', 'SQL', 'PostgreSQL', 'Git', 'Docker'],
    experience: 'noExperience',
    resumeText:
      'Выпускник вуза, пет-проекты на Python: REST API на FastAPI, телеграм-бот, парсеры. Ищу первую работу бэкенд-разработчиком.',
    query: 'python',
  };
  return s;
}

/** A PHP / fullstack developer with a few years behind them (benchmarks: most cards of a backend search fit). */
export function phpFullstackSettings(): Settings {
  const s = defaultSettings();
  s.profile = {
    ...s.profile,
    desiredTitles: ['PHP-разработчик', 'Fullstack-разработчик', 'Backend-разработчик'],
    skills: ['PHP', 'Laravel', 'Symfony', 'JavaScript', 'TypeScript', 'Vue', 'Node.js', 'MySQL', 'Docker'],
    experience: 'between3And6',
    resumeText:
      'Четыре года пишу бэкенд на PHP (Laravel, Symfony) и фронтенд на Vue; REST API, очереди, MySQL, Docker.',
    query: 'php',
  };
  return s;
}

/** A Python developer with a few years behind them: on a "python" search most cards fit (few hidden). */
export function pythonMiddleSettings(): Settings {
  const s = pythonJuniorSettings();
  s.profile = {
    ...s.profile,
    desiredTitles: ['Python-разработчик', 'Backend-разработчик', 'Python developer'],
    skills: ['Python', 'Django', 'FastAPI', 'SQL', 'PostgreSQL', 'Docker', 'Git', 'Linux', 'Redis'],
    experience: 'between3And6',
    resumeText: 'Пять лет пишу бэкенд на Python: Django, FastAPI, PostgreSQL, очереди, Docker.',
  };
  return s;
}
