/**
 * Sanity check of the scorer's general rules on invented profiles that the dev labels do not cover (Java, BI,
 * DBA, product manager, 1С, sysadmin, HR, CV engineer; frontend React, B2B sales, truck driver, contract lawyer,
 * graphic designer, senior Go, junior data analyst, mechanical design engineer, executive assistant), over all ~15k real vacancies, card and full fields.
 * There are no labels: it prints what a person should look at by eye.
 *   - counts of hide / dim / show per profile and mode;
 *   - "probe hidden": hidden vacancies whose title matches a loose regex for the job (the candidates for a
 *     wrongly hidden relevant vacancy), and the top shown and the lowest still-shown titles;
 *   - with --save FILE / --diff FILE: store verdicts, or list every vacancy whose verdict changed since then.
 *   npx tsx test/bench/heldout-profiles.ts [--save /tmp/heldout.json] [--diff /tmp/heldout.json] [--only java] [--n 15]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fromHhApi } from '../../lib/core/hh/api-vacancy';
import { compileProfile } from '../../lib/core/match/index';
import { type ProfileInput, profileSchema } from '../../lib/core/match/profile';
import type { MatchVacancy } from '../../lib/core/match/vacancy';
import { hasSharedFile, isEntry, sharedFile } from './shared';

interface Invented {
  id: string;
  profile: ProfileInput;
  /** loose title regex for "this could be the job": hidden matches are printed for eyeballing */
  probe: RegExp;
}

export const INVENTED: Invented[] = [
  {
    id: 'java',
    profile: {
      desiredTitles: ['Java-разработчик', 'Java Developer', 'Backend-разработчик Java'],
      skills: ['Java', 'Spring', 'SQL', 'PostgreSQL', 'Kafka', 'Docker', 'Git'],
      experience: 'between3And6',
    },
    probe: /java(?!\s*script)|джава/i,
  },
  {
    id: 'bi',
    profile: {
      desiredTitles: ['BI-аналитик', 'BI-разработчик', 'Аналитик BI'],
      skills: ['SQL', 'Power BI', 'Tableau', 'Excel', 'DWH', 'ClickHouse'],
      experience: 'between1And3',
    },
    probe: /\bbi\b|power ?bi|tableau|дашборд|отчетност/i,
  },
  {
    id: 'dba',
    profile: {
      desiredTitles: ['Администратор баз данных', 'DBA', 'Database Administrator'],
      skills: ['PostgreSQL', 'Oracle', 'SQL', 'Linux', 'Bash', 'Репликация'],
      experience: 'between3And6',
    },
    probe: /dba|баз[аы]? данных|database|postgres|oracle|субд/i,
  },
  {
    id: 'product-manager',
    profile: {
      desiredTitles: ['Product Manager', 'Менеджер продукта', 'Продакт-менеджер'],
      skills: ['Jira', 'A/B-тесты', 'SQL', 'CJM', 'Roadmap', 'Unit-экономика'],
      experience: 'between3And6',
    },
    probe: /product|продукт|продакт/i,
  },
  {
    id: '1c',
    profile: {
      desiredTitles: ['Программист 1С', 'Разработчик 1С', '1С-разработчик'],
      skills: ['1С:Предприятие', '1С:ERP', 'СКД', 'SQL', 'БСП'],
      experience: 'between1And3',
    },
    probe: /1[сc]\b|1[сc][:\s-]/i,
  },
  {
    id: 'sysadmin',
    profile: {
      desiredTitles: ['Системный администратор', 'Linux Administrator'],
      skills: ['Linux', 'Windows Server', 'Active Directory', 'Bash', 'Сети', 'Docker'],
      experience: 'between1And3',
    },
    probe: /сисадмин|системн\S* администратор|system administrator|linux|администратор (сет|сервер|инфраструкт)/i,
  },
  {
    id: 'hr',
    profile: {
      desiredTitles: ['HR-менеджер', 'Менеджер по персоналу', 'Рекрутер'],
      skills: ['Подбор персонала', 'Адаптация персонала', 'Кадровое делопроизводство', 'HR-аналитика'],
      experience: 'between1And3',
    },
    probe: /\bhr|рекрут|recruit|персонал|подбор|кадр/i,
  },
  {
    id: 'cv-engineer',
    profile: {
      desiredTitles: ['Computer Vision Engineer', 'CV-инженер', 'Инженер по компьютерному зрению'],
      skills: ['Python', 'PyTorch', 'OpenCV', 'Computer Vision', 'Deep Learning', 'C++'],
      experience: 'between1And3',
    },
    probe: /computer vision|компьютерн\S* зрени|\bcv\b|ml|machine learning|машинн\S* обучени|deep learning/i,
  },
  {
    id: 'frontend-react',
    profile: {
      desiredTitles: ['Frontend-разработчик', 'React-разработчик', 'Frontend Developer (React)'],
      skills: ['React', 'TypeScript', 'JavaScript', 'Redux', 'HTML', 'CSS', 'Webpack', 'Git'],
      experience: 'between1And3',
    },
    probe: /front|фронт|react|реакт|javascript|typescript|\bjs\b|верстальщик|web-разработ|веб-разработ|ui-разработ/i,
  },
  {
    id: 'sales-b2b',
    profile: {
      desiredTitles: ['Менеджер по продажам B2B', 'Менеджер по работе с корпоративными клиентами', 'Account Manager'],
      skills: ['B2B продажи', 'Холодные звонки', 'CRM', 'Ведение переговоров', 'Активные продажи'],
      experience: 'between1And3',
    },
    probe: /продаж|sales|клиент|account|аккаунт|b2b|коммерческ/i,
  },
  {
    id: 'driver-c',
    profile: {
      desiredTitles: ['Водитель категории C', 'Водитель грузового автомобиля', 'Водитель-экспедитор'],
      skills: ['Категория C', 'Категория B', 'Грузоперевозки', 'Тахограф'],
      experience: 'between3And6',
    },
    probe: /(^|[^а-я])водител|driver|шофер|экспедитор|дальнобой/i,
  },
  {
    id: 'contract-lawyer',
    profile: {
      desiredTitles: ['Юрист', 'Юрист по договорной работе', 'Юрисконсульт'],
      skills: [
        'Договорная работа',
        'Гражданское право',
        'Претензионная работа',
        'Корпоративное право',
        'Консультант Плюс',
      ],
      experience: 'between1And3',
    },
    probe: /юрист|юрисконсульт|lawyer|legal|правов|договор|претензи/i,
  },
  {
    id: 'graphic-designer',
    profile: {
      desiredTitles: ['Графический дизайнер', 'Дизайнер', 'Graphic Designer'],
      skills: ['Adobe Photoshop', 'Adobe Illustrator', 'Figma', 'InDesign', 'Брендинг', 'Верстка'],
      experience: 'between1And3',
    },
    probe: /дизайн|design|иллюстрат|motion|моушн|бренд/i,
  },
  {
    id: 'go-senior',
    profile: {
      desiredTitles: ['Senior Go-разработчик', 'Golang Developer', 'Backend-разработчик Go'],
      skills: ['Go', 'PostgreSQL', 'Kafka', 'gRPC', 'Docker', 'Kubernetes', 'Redis', 'Микросервисы'],
      experience: 'moreThan6',
    },
    probe: /\bgo\b|golang|голанг|\bgo-|backend|бэкенд|бекенд/i,
  },
  {
    id: 'data-analyst-junior-sql',
    profile: {
      desiredTitles: ['Аналитик данных', 'Junior Data Analyst', 'Продуктовый аналитик'],
      skills: ['SQL', 'Python', 'Pandas', 'Excel', 'Power BI', 'Статистика', 'A/B-тесты'],
      experience: 'noExperience',
    },
    probe: /аналитик|analyst|analytics|данных|data/i,
  },
  {
    id: 'design-engineer',
    profile: {
      desiredTitles: ['Инженер-конструктор', 'Конструктор', 'Инженер-конструктор машиностроение'],
      skills: ['SolidWorks', 'КОМПАС-3D', 'AutoCAD', 'ЕСКД', 'Чертежи', 'Машиностроение'],
      experience: 'between3And6',
    },
    probe: /конструктор|конструкт|проектировщик|чертеж|solidworks|компас|autocad|машиностро/i,
  },
  {
    // Titles made only of seniority words: the words themselves are the job (not the user's level).
    id: 'exec-assistant',
    profile: {
      desiredTitles: ['Помощник руководителя', 'Ассистент руководителя', 'Личный ассистент'],
      skills: ['Деловая переписка', 'Документооборот', 'MS Office', 'Организация встреч', 'Тайм-менеджмент'],
      experience: 'between1And3',
    },
    probe: /помощни|ассистент|assistant|секретар|офис-менеджер/i,
  },
];

type Mode = 'card' | 'full';
interface Row {
  id: string;
  title: string;
  exp: string;
  score: number;
  verdict: string;
  why: string;
}

function toCard(v: MatchVacancy): MatchVacancy {
  const { description: _d, keySkills: _k, ...card } = v;
  return card;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export function main(): void {
  const data = 'data/vacancies.jsonl.gz';
  if (!hasSharedFile(data)) {
    console.log(`heldout-profiles: skipped, ${sharedFile(data)} not found`);
    return;
  }
  const full = gunzipSync(readFileSync(sharedFile(data)))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => fromHhApi(JSON.parse(l)));
  const n = Number(arg('n') ?? 12);
  const only = arg('only');
  const saved: Record<string, Record<string, string>> = {};
  const before = arg('diff') ? (JSON.parse(readFileSync(arg('diff') ?? '', 'utf8')) as typeof saved) : undefined;
  const line = (r: Row) =>
    `    ${r.score.toFixed(3)} ${r.verdict.padEnd(4)} ${r.title.slice(0, 80)} [${r.exp}] ${r.why}`;
  for (const inv of INVENTED) {
    if (only && inv.id !== only) continue;
    const m = compileProfile(profileSchema.parse(inv.profile));
    for (const mode of ['card', 'full'] as Mode[]) {
      const rows: Row[] = full.map((v) => {
        const r = m.score(mode === 'card' ? toCard(v) : v);
        return {
          id: v.id,
          title: v.title,
          exp: v.experience ?? '?',
          score: r.score,
          verdict: r.verdict,
          why: r.reasons.map((x) => x.code).join(','),
        };
      });
      const key = `${inv.id}/${mode}`;
      saved[key] = Object.fromEntries(rows.map((r) => [r.id, r.verdict]));
      const count = (v: string) => rows.filter((r) => r.verdict === v).length;
      console.log(`\n## ${key}: hide ${count('hide')}, dim ${count('dim')}, show ${count('show')}`);
      const probeHidden = rows
        .filter((r) => r.verdict === 'hide' && inv.probe.test(r.title))
        .sort((a, b) => b.score - a.score);
      console.log(`  probe-matching titles hidden: ${probeHidden.length} (highest scores first)`);
      for (const r of probeHidden.slice(0, n)) console.log(line(r));
      const kept = rows.filter((r) => r.verdict !== 'hide').sort((a, b) => a.score - b.score);
      console.log(`  lowest kept:`);
      for (const r of kept.slice(0, n)) console.log(line(r));
      if (before?.[key]) {
        const prev = before[key];
        const changed = rows.filter(
          (r) => prev[r.id] !== undefined && (prev[r.id] === 'hide') !== (r.verdict === 'hide'),
        );
        console.log(`  hide/keep changed since --diff: ${changed.length}`);
        for (const r of changed.sort((a, b) => b.score - a.score).slice(0, 3 * n))
          console.log(`${line(r)}  (was ${prev[r.id]})`);
      }
    }
  }
  const out = arg('save');
  if (out) writeFileSync(out, JSON.stringify(saved));
}

if (isEntry(import.meta.url)) main();
