/**
 * Concept dictionary: surface forms (Russian, English, transliterations, abbreviations) of common job-title
 * words and skills, mapped to one concept id. Forms are written as people write them; they go through the
 * same normalise → tokenize → stem pipeline as the text, so any inflected form matches.
 *
 * Kinds:
 *   r  role noun: the head of a title (developer, analyst, tester …); a title whose role differs from every
 *      role the user wants is a different job, whatever skills it mentions.
 *   g  generic role noun (engineer, specialist, manager …): weak evidence, never a role mismatch.
 *   t  technology / domain word (python, frontend, data, accounting …).
 *   s  stop word / filler: ignored.
 * A form with spaces is a phrase: when its tokens appear in a row, the phrase concept is added and its parts
 * count only weakly on the profile side ("data engineer" wants the phrase, not "data" and "engineer" apart).
 */
import { normalizeText, tokenize } from './normalize';
import { stemWord } from './stem';

export type ConceptKind = 'r' | 'g' | 't' | 's';

const TABLE = `
r developer: разработчик, разработчица, программист, программистка, developer, programmer, dev, coder, кодер, девелопер, разработка, development, software engineer, swe, инженер-программист
r analyst: аналитик, аналитика, analyst, analytics, analytic
r qa: тестировщик, тестировщица, qa, tester, testing, тестирование, sdet, aqa, quality assurance, qa engineer
r devops: devops, девопс, дев опс, dev ops, devsecops
r sre: sre, site reliability
r accountant: бухгалтер, accountant
r datascientist: data scientist, data science, датасайентист, дата сайентист, дата саентист, датасаентист
r dataengineer: data engineer, инженер данных, инженер по данным, data engineering, дата инженер
r mlengineer: ml engineer, ml инженер, мл инженер, machine learning engineer, ml разработчик, ml developer, инженер по машинному обучению, deep learning engineer, computer vision engineer, cv engineer, cv инженер, cv разработчик, инженер по компьютерному зрению, инженер компьютерного зрения, nlp engineer
r designer: дизайнер, designer
r administrator: администратор, administrator, admin
r sysadmin: сисадмин, sysadmin, системный администратор, system administrator, администратор linux, linux administrator, администрирование, системный инженер, system engineer, systems engineer, linux engineer, linux инженер, инженер linux
r dba: администратор баз данных, администратор бд, администратор субд, database administrator, dba, дба
r architect: архитектор, architect
r productowner: product owner, владелец продукта
r productmanager: product manager, менеджер продукта, менеджер по продукту, продакт менеджер, продакт, продакт-менеджер, product lead
r projectmanager: project manager, менеджер проекта, менеджер проектов, руководитель проекта, руководитель проектов, проджект менеджер, проджект, delivery manager
r salesmanager: sales manager, sales менеджер, менеджер по продажам, менеджер отдела продаж, account manager, аккаунт менеджер, менеджер по работе с клиентами, специалист по продажам, менеджер активных продаж, менеджер по корпоративным продажам, менеджер по оптовым продажам, клиентский менеджер, менеджер по привлечению клиентов, менеджер по развитию клиентов, key account manager
r officemanager: офис менеджер, office manager, офис администратор, администратор офиса, office administrator
r hrmanager: менеджер по персоналу, менеджер по подбору, специалист по подбору, hr менеджер, hr manager
r sales: продавец, продажник, sales, торговый представитель
r marketer: маркетолог, marketer, маркетинг, marketing
r hr: hr, hrbp, рекрутер, recruiter, кадровик, human resources, кадровое администрирование, кадровое делопроизводство
r lawyer: юрист, юрисконсульт, lawyer, legal
r economist: экономист, economist
r teacher: преподаватель, учитель, teacher, tutor, репетитор, педагог
r nurseryteacher: воспитатель, воспитательница, педагог дошкольного образования, младший воспитатель
r ohs: охрана труда, охране труда, охраны труда, специалист по от, инженер по от, hse, ehs
r driver: водитель, driver, курьер, courier, экспедитор
r support: поддержка, support, саппорт, helpdesk, сопровождение
r researcher: researcher, исследователь, ученый, scientist
r logistician: логист, logistician
r copywriter: копирайтер, copywriter, редактор, editor, журналист
g engineer: инженер, engineer, engineering, инженерный
g specialist: специалист, specialist, сотрудник, employee, работник, рабочий, эксперт, expert, professional, профессионал
g manager: менеджер, manager, management, управляющий, управление
g consultant: консультант, consultant
g operator: оператор, operator
g assistant: помощник, ассистент, assistant
t python: python, питон, пайтон, py
t javascript: javascript, js, джаваскрипт, java script, ecmascript
t typescript: typescript, ts, тайпскрипт
t java: java, джава
t golang: golang, go, голанг
t csharp: csharp, c sharp, си шарп
t cpp: cpp, си плюс плюс
t dotnet: dotnet, asp dotnet
t php: php, пхп
t ruby: ruby, rails
t kotlin: kotlin, котлин
t swift: swift
t ios: ios
t android: android, андроид
t mobile: mobile, мобильный, мобильных
t flutter: flutter, dart
t rust: rust
t scala: scala
t 1c: 1c, 1c предприятие, 1c бухгалтерия, 1c зуп
t sql: sql, tsql, plsql, скл
t postgresql: postgresql, postgres, постгрес, постгрескл, psql
t mysql: mysql
t oracle: oracle
t clickhouse: clickhouse, кликхаус
t greenplum: greenplum
t mongodb: mongodb, mongo
t redis: redis
t database: database, db, бд, субд, dbms, базы данных, база данных, баз данных
t react: react, reactjs, реакт, react native
t vue: vue, vuejs, вью
t angular: angular, angularjs
t nodejs: nodejs, node, нода
t nextjs: nextjs
t redux: redux
t html: html, html5
t css: css, css3, scss, sass
t webpack: webpack
t django: django, джанго
t fastapi: fastapi
t flask: flask
t spring: spring
t docker: docker, докер
t kubernetes: kubernetes, k8s, кубернетес, кубер
t terraform: terraform
t ansible: ansible
t linux: linux, линукс, unix
t aws: aws, amazon web services
t cloud: cloud, облако, облачный
t cicd: cicd, ci cd, continuous integration
t gitlab: gitlab, gitlab ci
t git: git, гит
t prometheus: prometheus
t grafana: grafana
t kafka: kafka, кафка
t spark: spark, pyspark, спарк
t hadoop: hadoop, хадуп
t airflow: airflow
t etl: etl, elt
t dwh: dwh, хранилище данных, хранилищ данных, data warehouse
t bi: bi, business intelligence
t tableau: tableau
t powerbi: powerbi, power bi
t cnc: чпу, cnc, числовое программное управление, программное управление
t excel: excel, эксель, ексель
t pandas: pandas
t ml: ml, мл, machine learning, машинное обучение, машинного обучения
t ai: ai, artificial intelligence, искусственный интеллект, искусственного интеллекта
t dl: deep learning, глубокое обучение, нейросети, нейронные сети, neural networks
t nlp: nlp, natural language processing
t cv: computer vision, компьютерное зрение
t llm: llm, genai, gpt
t pytorch: pytorch, torch
t tensorflow: tensorflow, keras
t sklearn: scikit learn, sklearn
t mlops: mlops
t selenium: selenium
t pytest: pytest
t postman: postman
t jira: jira, джира
t confluence: confluence
t testrail: testrail
t bpmn: bpmn
t uml: uml
t automation: automation, автоматизация, автоматизированное, автотесты, автотестирование, autotests
t manualtesting: manual, ручное, ручной
t frontend: frontend, front end, front, фронтенд, фронтэнд, фронт, фронт энд
t backend: backend, back end, бэкенд, бекенд, бэкэнд, бэк, бек
t fullstack: fullstack, full stack, фулстек, фуллстек, фулстэк, фуллстэк
t web: web, веб
t gamedev: gamedev, геймдев, game, игровой, игр
t embedded: embedded, встраиваемые, встраиваемых, микроконтроллеры
t security: security, безопасность, иб, secops, pentest, пентест
t network: network, сетевой, сети
t data: data, данные, данных, дата
t bigdata: big data, биг дата, большие данные, больших данных
t business: business, бизнес
t system: system, systems, системный, системного
t product: product, продукт, продуктовый, продуктовой
t project: project, проект, проектов, проекта
t platform: platform, платформа, платформенный, платформы, infrastructure, инфраструктура, инфраструктурный
t accounting: бухгалтерский, бухгалтерского, бухгалтерской, бухучет, рсбу, мсфо, ifrs, gaap
t payroll: payroll, заработной платы, заработная плата, зарплата, зарплаты, зп, расчет заработной платы
t tax: tax, налог, налоговый, налогового, налоговой, ндс, ндфл
t finance: finance, financial, финансовый, финансы, финансов
t trading: трейдинг, трейдер, трейдеры, trader, биржевой
t marketplace: marketplace, маркетплейс, маркетплейсы, маркетплейсов, wildberries, ozon
t ux: ux, ui, ui ux, ux ui, юзабилити
t statistics: statistics, статистика, statistical, статистический
t abtest: ab тесты, ab тестирование, ab testing, ab tests, ab тестов
t requirements: сбор требований, сбор и анализ требований, requirements gathering, requirements analysis
s _: в, во, на, по, и, или, с, со, для, к, от, из, за, у, о, об, а, при, без, до, the, of, in, for, and, or, to, at, with, a, an, on, by, as, отдел, team, команда, компания, company, направление, группа, представительство, филиал, департамент, подразделение, дирекция, г, ооо, ао, пао, вакансия, job, remote, удаленно, удаленка, удаленная, офис, office, гибрид, hybrid, new, нашу, наш, we, you, our
`;

export interface ConceptInfo {
  id: string;
  kind: ConceptKind;
}
export interface PhraseInfo {
  id: string;
  kind: ConceptKind;
  len: number;
}

/** stem → concept; "stem1 stem2 [stem3]" → phrase concept. */
export const STEM_CONCEPTS = new Map<string, ConceptInfo>();
export const PHRASES = new Map<string, PhraseInfo>();
export const CONCEPT_KIND = new Map<string, ConceptKind>();
/** First stems of phrases, to skip lookups quickly. */
const PHRASE_HEADS = new Set<string>();

/**
 * Function words (в, по, с, of, for …) are skipped inside a phrase on both sides, so a form may hold them
 * ("менеджер по работе с клиентами" is the phrase "менеджер работ клиент") and the text may too ("Инженер по
 * компьютерному зрению" joins "инженер компьютерн зрен"). Longer stop words ("команда", "отдел") are not skipped.
 */
const SKIP = new Set<string>();
const lines = TABLE.split('\n')
  .map((l) => /^([rgts]) (\S+): (.*)$/.exec(l.trim()))
  .filter((m) => m !== null);
for (const m of lines) {
  if (m[1] !== 's') continue;
  for (const form of (m[3] ?? '').split(','))
    for (const t of tokenize(normalizeText(form))) if (t.length <= 3) SKIP.add(stemWord(t));
}
for (const m of lines) {
  const kind = m[1] as ConceptKind;
  const id = m[2] ?? '';
  CONCEPT_KIND.set(id, kind);
  for (const form of (m[3] ?? '').split(',')) {
    const all = tokenize(normalizeText(form)).map(stemWord);
    const stems = all.length > 1 ? all.filter((s) => !SKIP.has(s)) : all;
    if (stems.length === 1 && all.length === 1) {
      const s = stems[0] ?? '';
      if (!STEM_CONCEPTS.has(s)) STEM_CONCEPTS.set(s, { id: kind === 's' ? '' : id, kind });
    } else if (stems.length > 1 && stems.length <= 3) {
      PHRASES.set(stems.join(' '), { id, kind, len: stems.length });
      PHRASE_HEADS.add(stems[0] ?? '');
    }
  }
}

/** Concept id of a stem: the dictionary's id, '' for stop words, or the stem itself for unknown words. */
export function conceptOf(stem: string): ConceptInfo | undefined {
  return STEM_CONCEPTS.get(stem);
}

/** Index of the next word at or after j that is not a skipped function word (at most two skipped). */
function nextWord(stems: readonly string[], j: number): number {
  for (let k = j; k < j + 3 && k < stems.length; k++) if (!SKIP.has(stems[k] ?? '')) return k;
  return -1;
}

/**
 * Phrase starting at stems[i] (3 words tried before 2, function words between them skipped), or undefined.
 * `len` is the number of tokens the phrase spans, function words included.
 */
export function phraseAt(stems: readonly string[], i: number): PhraseInfo | undefined {
  const a = stems[i];
  if (a === undefined || !PHRASE_HEADS.has(a)) return undefined;
  const j = nextWord(stems, i + 1);
  if (j < 0) return undefined;
  const b = stems[j];
  const k = nextWord(stems, j + 1);
  if (k >= 0) {
    const p3 = PHRASES.get(`${a} ${b} ${stems[k]}`);
    if (p3) return { id: p3.id, kind: p3.kind, len: k - i + 1 };
  }
  const p2 = PHRASES.get(`${a} ${b}`);
  return p2 && { id: p2.id, kind: p2.kind, len: j - i + 1 };
}
