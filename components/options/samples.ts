import type { MatchVacancy } from '../../lib/match/vacancy';

/**
 * Invented sample vacancies (our own words, not hh data) for the live threshold preview: a spread of trades,
 * levels, salaries and formats, so that any profile sees some shown, some dimmed and some hidden.
 */
const rub = (from: number | null, to: number | null) => ({ from, to, currency: 'RUR', gross: false });
const v = (id: string, title: string, employer: string, rest: Partial<MatchVacancy>): MatchVacancy => ({
  id,
  title,
  employer: { name: employer },
  salary: null,
  experience: null,
  workFormats: [],
  ...rest,
});

export const SAMPLE_VACANCIES: readonly MatchVacancy[] = [
  v('s1', 'Junior Python-разработчик', 'Облачные решения', { salary: rub(90_000, 130_000), experience: 'noExperience', workFormats: ['REMOTE'], area: 'Москва', keySkills: ['Python', 'Django', 'SQL', 'Git'], snippet: 'Разработка REST API на Django и FastAPI. Знание SQL, Git.' }),
  v('s2', 'Senior Python Developer (Highload)', 'Финтех Плюс', { salary: rub(450_000, null), experience: 'moreThan6', workFormats: ['HYBRID'], area: 'Москва', keySkills: ['Python', 'asyncio', 'Kafka', 'PostgreSQL'], snippet: 'Архитектура высоконагруженных сервисов, менторство команды.' }),
  v('s3', 'Frontend-разработчик (React)', 'Студия интерфейсов', { salary: rub(180_000, 250_000), experience: 'between1And3', workFormats: ['REMOTE'], area: 'Санкт-Петербург', keySkills: ['React', 'TypeScript', 'CSS'], snippet: 'SPA на React и TypeScript, вёрстка по макетам Figma.' }),
  v('s4', 'Аналитик данных', 'Розничная сеть «Квартал»', { salary: rub(120_000, 160_000), experience: 'between1And3', workFormats: ['ON_SITE'], area: 'Казань', keySkills: ['SQL', 'Python', 'Power BI'], snippet: 'Отчёты по продажам, SQL-запросы, дашборды в Power BI.' }),
  v('s5', 'Стажёр-разработчик Python', 'Школа программирования', { salary: rub(40_000, 60_000), experience: 'noExperience', workFormats: ['HYBRID'], area: 'Москва', keySkills: ['Python', 'Git'], snippet: 'Стажировка с наставником: автотесты, внутренние утилиты.' }),
  v('s6', 'Backend-разработчик Go', 'Логистика Онлайн', { salary: rub(250_000, 350_000), experience: 'between3And6', workFormats: ['REMOTE'], area: 'Новосибирск', keySkills: ['Go', 'PostgreSQL', 'Docker', 'Kubernetes'], snippet: 'Микросервисы на Go, gRPC, Kubernetes.' }),
  v('s7', 'Программист 1С', 'Учёт и право', { salary: rub(150_000, 200_000), experience: 'between3And6', workFormats: ['ON_SITE'], area: 'Екатеринбург', keySkills: ['1С:Предприятие', 'СКД'], snippet: 'Доработка конфигураций 1С:ERP и ЗУП.' }),
  v('s8', 'Менеджер по продажам IT-решений', 'Софт-Маркет', { salary: rub(60_000, null), experience: 'between1And3', workFormats: ['ON_SITE'], area: 'Москва', snippet: 'Холодные звонки, ведение сделок в CRM, выполнение плана продаж.' }),
  v('s9', 'Инженер по тестированию (QA)', 'Мобильные игры', { salary: rub(100_000, 140_000), experience: 'between1And3', workFormats: ['REMOTE'], area: 'Пермь', keySkills: ['Python', 'Pytest', 'API'], snippet: 'Ручное и автоматизированное тестирование API, pytest.' }),
  v('s10', 'DevOps-инженер', 'Хостинг-провайдер', { salary: rub(220_000, 300_000), experience: 'between3And6', workFormats: ['HYBRID'], area: 'Москва', keySkills: ['Linux', 'Docker', 'Ansible', 'CI/CD'], snippet: 'Поддержка CI/CD, Kubernetes-кластеры, мониторинг.' }),
  v('s11', 'Курьер', 'Быстрая доставка', { salary: rub(80_000, 120_000), experience: 'noExperience', workFormats: ['FIELD_WORK'], area: 'Москва', snippet: 'Доставка заказов по городу, гибкий график.' }),
  v('s12', 'Продакт-менеджер', 'Маркетплейс «Рядом»', { salary: null, experience: 'between3And6', workFormats: ['HYBRID'], area: 'Москва', snippet: 'Развитие продукта, гипотезы, работа с командой разработки.' }),
];
