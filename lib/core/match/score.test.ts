import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, compileProfile, formatReason } from './index';
import { profile, pythonJunior, vac } from './testkit';

const m = compileProfile(pythonJunior());
const s = (title: string, extra = {}) => m.score(vac(title, extra));
const texts = (r: ReturnType<typeof s>) => r.reasons.map((x) => formatReason(x, 'en'));
const codes = (r: ReturnType<typeof s>) => r.reasons.map((x) => x.code);

describe('scorer invariants', () => {
  it('ranks a junior Python developer job above an analyst job where Python is a plus', () => {
    const dev = s('Junior Python-разработчик', { experience: 'noExperience' });
    const analyst = s('Senior аналитик данных, знание Python будет плюсом', { experience: 'between3And6' });
    expect(dev.score).toBeGreaterThan(analyst.score);
    expect(dev.verdict).toBe('show');
    expect(analyst.verdict).toBe('hide');
    expect(texts(analyst)).toContain('a different role: аналитик');
  });
  it('keeps scores in [0, 1] and verdicts consistent with thresholds', () => {
    for (const t of ['Python developer', 'Водитель', '', 'Стажёр', 'Java developer', 'Python Python Python']) {
      const r = s(t);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      const expected = r.score < DEFAULT_THRESHOLDS.hide ? 'hide' : r.score < DEFAULT_THRESHOLDS.dim ? 'dim' : 'show';
      expect(r.verdict).toBe(expected);
    }
  });
  it('uses the thresholds passed in', () => {
    const v = vac('Python developer', { experience: 'between1And3' });
    expect(m.score(v, { hide: 0.999, dim: 0.9999 }).verdict).toBe('hide');
    expect(m.score(v, { hide: 0, dim: 0 }).verdict).toBe('show');
  });
  it('matches titles across languages and transliterations', () => {
    expect(s('Питон-программист', { experience: 'noExperience' }).verdict).toBe('show');
    expect(s('Разработчик Python (Django)', { experience: 'noExperience' }).verdict).toBe('show');
    expect(s('Водитель погрузчика').verdict).toBe('hide');
  });
  it('does not take the place of a trade for the trade ("пекарня" is no "пекарь")', () => {
    const baker = compileProfile(profile({ desiredTitles: ['Пекарь', 'Пекарь-кондитер'], experience: 'between1And3' }));
    const r = baker.score(vac('Мойщица-уборщица кафе-пекарни'));
    expect(codes(r)).not.toContain('title_match');
    expect(r.verdict).not.toBe('show');
    expect(codes(baker.score(vac('Пекаря')))).toContain('title_match');
  });

  it('penalises another stack and another role', () => {
    const py = s('Backend-разработчик Python', { experience: 'between1And3' }).score;
    expect(s('Backend-разработчик Java', { experience: 'between1And3' }).score).toBeLessThan(py);
    expect(s('Тестировщик', { experience: 'between1And3' }).score).toBeLessThan(py);
    expect(texts(s('Java-разработчик'))).toContain('Java is not among your skills');
  });
  it('penalises experience the user does not have, monotonically', () => {
    const exp = ['noExperience', 'between1And3', 'between3And6', 'moreThan6'] as const;
    const scores = exp.map((e) => s('Python-разработчик', { experience: e }).score);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1] ?? 1);
    const r = s('Python-разработчик', { experience: 'moreThan6' });
    expect(r.verdict).toBe('hide');
    expect(texts(r)).toContain('needs 6+ years');
  });
  it('penalises seniority far from what the user wants, both ways', () => {
    const senior = compileProfile(
      profile({ desiredTitles: ['Senior Frontend-разработчик'], skills: ['React'], experience: 'moreThan6' }),
    );
    const jr = senior.score(vac('Junior Frontend Developer', { experience: 'noExperience' }));
    const sr = senior.score(vac('Senior Frontend Developer', { experience: 'moreThan6' }));
    expect(sr.score).toBeGreaterThan(jr.score);
    expect(codes(jr)).toContain('level_below');
    expect(codes(s('Lead Python developer'))).toContain('level_above');
  });
  it('uses description and key skills of a full vacancy', () => {
    const card = vac('Инженер-программист', { experience: 'between1And3' });
    const pyFull = {
      ...card,
      description: 'Пишем бэкенд на Python: Django, FastAPI, PostgreSQL, Docker, Git.',
      keySkills: ['Python', 'Django', 'SQL'],
    };
    const cppFull = {
      ...card,
      description: 'Разработка прошивок на C и C++ для микроконтроллеров.',
      keySkills: ['C++', 'Embedded'],
    };
    expect(m.score(pyFull).score).toBeGreaterThan(m.score(card).score);
    expect(m.score(pyFull).score).toBeGreaterThan(m.score(cppFull).score);
    const rs = texts(m.score(pyFull));
    expect(rs.find((t) => t.includes('of your skills'))).toMatch(/^\d+ of your skills: Python, Django/);
    expect(texts(m.score(cppFull))).toContain('no Python in the vacancy');
    expect(texts(m.score(vac('Инженер-программист')))).toContain('no Python in title or snippet');
  });
  it('reads the snippet of a card', () => {
    const plain = s('Программист', { experience: 'between1And3' }).score;
    const withSnippet = s('Программист', {
      experience: 'between1And3',
      snippet: 'Опыт разработки на <highlighttext>Python</highlighttext>, Django, SQL',
    }).score;
    expect(withSnippet).toBeGreaterThan(plain);
  });
  it('tells manager jobs apart by their phrase role', () => {
    const pm = compileProfile(
      profile({ desiredTitles: ['Менеджер продукта', 'Product Manager'], experience: 'between3And6' }),
    );
    const e = { experience: 'between3And6' as const };
    expect(pm.score(vac('Менеджер по продукту', e)).verdict).toBe('show');
    expect(pm.score(vac('Менеджер по продажам', e)).verdict).toBe('hide');
    expect(pm.score(vac('Офис-менеджер', e)).verdict).toBe('hide');
  });
  it('gives a neutral show when the profile has only hard filters', () => {
    const only = compileProfile(profile({ minSalary: 100_000 }));
    expect(only.score(vac('Что угодно')).verdict).toBe('show');
    expect(
      only.score(vac('Что угодно', { salary: { from: 50_000, to: 60_000, currency: 'RUR', gross: false } })).verdict,
    ).toBe('hide');
  });
  it('falls back to skills when no titles are given', () => {
    const p = compileProfile(profile({ skills: ['Python', 'Django'] }));
    expect(p.score(vac('Python developer')).score).toBeGreaterThan(p.score(vac('Бухгалтер')).score);
  });
  it('is deterministic and does not depend on earlier calls', () => {
    const v = vac('Python-разработчик', { experience: 'between1And3' });
    const a = m.score(v);
    s('Java developer');
    expect(m.score(v)).toEqual(a);
  });
  it("reads the years a full description asks for, on top of hh's experience id", () => {
    const analyst = compileProfile(
      profile({ desiredTitles: ['Аналитик данных', 'Аналитик'], skills: ['SQL'], experience: 'noExperience' }),
    );
    const card = vac('Аналитик', { experience: 'between1And3' });
    const plain = analyst.score({ ...card, description: 'Анализ продаж, SQL, отчёты.' });
    const threeYears = analyst.score({ ...card, description: '<p>Требования: опыт работы от 3-х лет, SQL.</p>' });
    expect(threeYears.score).toBeLessThan(plain.score);
    expect(plain.verdict).toBe('show');
    expect(threeYears.score).toBeLessThan(DEFAULT_THRESHOLDS.dim);
    expect(threeYears.reasons.map((r) => formatReason(r, 'en'))).toContain('needs 3+ years');
    // Not above hh's band: no change. A card has no description to read.
    expect(analyst.score({ ...card, description: 'Опыт работы от 1 года, SQL.' }).score).toBeCloseTo(plain.score, 6);
    expect(analyst.score(card).reasons.map((r) => formatReason(r, 'en'))).toContain('needs 1+ year');
  });
  it("credits a title that names the user's level, only when the title is the wanted job", () => {
    const analyst = compileProfile(
      profile({ desiredTitles: ['Junior аналитик данных', 'Аналитик'], experience: 'noExperience' }),
    );
    const e = { experience: 'noExperience' as const };
    const intern = analyst.score(vac('Стажёр-аналитик', e));
    expect(intern.score).toBeGreaterThan(analyst.score(vac('Аналитик', e)).score);
    expect(codes(intern)).toContain('level_fit');
    // Another job at the right level gets nothing for the level.
    const f = analyst.features(vac('Стажёр-водитель', e));
    expect(f.levelFit).toBe(false);
    // No experience given: the band is wide, a cue says nothing.
    const any = compileProfile(profile({ desiredTitles: ['Аналитик'] }));
    expect(any.features(vac('Senior аналитик')).levelFit).toBe(false);
    expect(any.score(vac('Senior аналитик')).score).toBeCloseTo(any.score(vac('Аналитик')).score, 6);
  });
  it('reads the job from the brackets when the head names no role and the brackets name a wanted one', () => {
    const admin = compileProfile(
      profile({
        desiredTitles: ['Системный администратор', 'Linux Administrator'],
        skills: ['Linux'],
        experience: 'between1And3',
      }),
    );
    const e = { experience: 'between1And3' as const };
    expect(admin.score(vac('IT-специалист (Системный администратор)', e)).verdict).toBe('show');
    expect(admin.score(vac('Инженер (системный администратор)', e)).verdict).toBe('show');
    // A role in brackets that the user does not want is left where it is: no new "different role".
    expect(admin.features(vac('Инженер (менеджер проекта)', e)).roleMismatch).toBe('');
  });
  it('knows recruiter titles longer than three words', () => {
    const hr = compileProfile(
      profile({
        desiredTitles: ['HR-менеджер', 'Менеджер по персоналу', 'Рекрутер'],
        skills: ['Подбор персонала'],
        experience: 'between1And3',
      }),
    );
    const e = { experience: 'between1And3' as const };
    expect(hr.score(vac('Специалист по подбору персонала', e)).verdict).toBe('show');
    expect(hr.score(vac('Специалист по подбору и адаптации персонала', e)).verdict).toBe('show');
    expect(hr.score(vac('Менеджер по подбору персонала', e)).verdict).toBe('show');
    expect(hr.score(vac('Специалист по охране труда', e)).verdict).toBe('hide');
  });
  it('puts an assistant title two levels below a user with 3+ years, not below a newcomer', () => {
    const acc = compileProfile(
      profile({
        desiredTitles: ['Бухгалтер', 'Главный бухгалтер'],
        skills: ['1С:Бухгалтерия', 'Налоговый учёт'],
        experience: 'between3And6',
      }),
    );
    const none = { experience: 'noExperience' as const };
    const one = { experience: 'between1And3' as const };
    const helper = acc.score(vac('Помощник бухгалтера', none));
    expect(helper.verdict).toBe('hide');
    expect(helper.reasons.map((r) => formatReason(r, 'ru'))).toContain('уровень ниже вашего: junior');
    // "главного" names whom the assistant helps, not the job's level.
    expect(acc.score(vac('Помощник главного бухгалтера', one)).verdict).toBe('hide');
    expect(acc.features(vac('Помощник главного бухгалтера', one)).levelFit).toBe(false);
    expect(acc.score(vac('Ассистент бухгалтера', one)).verdict).toBe('hide');
    // The same job without the assistant word stays, even with hh's "no experience".
    expect(acc.score(vac('Бухгалтер', none)).verdict).toBe('show');
    // A newcomer may well start as an assistant; so may someone who asks for assistant jobs.
    const newcomer = compileProfile(
      profile({ desiredTitles: ['Бухгалтер'], skills: ['1С:Бухгалтерия'], experience: 'noExperience' }),
    );
    expect(newcomer.score(vac('Помощник бухгалтера', none)).verdict).toBe('show');
    const asst = compileProfile(profile({ desiredTitles: ['Ассистент стоматолога'], experience: 'between3And6' }));
    expect(asst.score(vac('Ассистент стоматолога', one)).verdict).toBe('show');
    // Only the title's first word makes an assistant job.
    const driver = compileProfile(profile({ desiredTitles: ['Водитель'], experience: 'between3And6' }));
    // (its "помощник" still reads as a junior cue, one level down as before; not the assistant's two)
    expect(driver.features(vac('Водитель-помощник торгового представителя', one)).levelGap).toBe(1);
    expect(driver.features(vac('Помощник водителя', one)).levelGap).toBe(2);
  });
  it('puts a 1–3-year job with no level word two bands below a user with 6+ years', () => {
    const fe = compileProfile(
      profile({
        desiredTitles: ['Senior Frontend-разработчик', 'Frontend Developer', 'React-разработчик'],
        skills: ['React', 'TypeScript'],
        experience: 'moreThan6',
      }),
    );
    const one = { experience: 'between1And3' as const };
    expect(fe.score(vac('Frontend-разработчик', one)).verdict).toBe('hide');
    expect(fe.score(vac('React-разработчик', one)).verdict).toBe('hide');
    // A level word in the title is surer than hh's id.
    expect(fe.score(vac('Ведущий frontend-разработчик', one)).verdict).toBe('show');
    expect(fe.score(vac('Senior React Developer', one)).verdict).toBe('show');
    expect(fe.features(vac('Middle Frontend-разработчик', one)).levelGap).toBe(1);
    expect(fe.score(vac('Frontend-разработчик', { experience: 'between3And6' })).verdict).toBe('show');
    // "No experience" is hh's "not required", not a band: one level down for a 3–6-year user, as before.
    const acc = compileProfile(
      profile({ desiredTitles: ['Бухгалтер'], skills: ['1С:Бухгалтерия'], experience: 'between3And6' }),
    );
    expect(acc.features(vac('Бухгалтер', { experience: 'noExperience' })).levelGap).toBe(1);
    expect(acc.score(vac('Бухгалтер', { experience: 'noExperience' })).verdict).not.toBe('hide');
    // A user who also asks for junior titles wants that band.
    const wide = compileProfile(
      profile({ desiredTitles: ['Junior Frontend-разработчик', 'Frontend-разработчик'], experience: 'moreThan6' }),
    );
    expect(wide.features(vac('Frontend-разработчик', one)).levelGap).toBe(0);
  });
  it('tells kinds of analyst apart when the user names one', () => {
    const da = compileProfile(
      profile({
        desiredTitles: ['Junior аналитик данных', 'Data Analyst', 'Аналитик'],
        skills: ['SQL', 'Excel', 'Python'],
        experience: 'noExperience',
      }),
    );
    const none = { experience: 'noExperience' as const };
    const ba = da.score(vac('Бизнес-аналитик', none));
    expect(ba.verdict).toBe('hide');
    expect(ba.reasons.map((r) => formatReason(r, 'ru'))).toContain('другая роль: бизнес аналитик');
    expect(da.score(vac('Системный аналитик', none)).verdict).toBe('hide');
    expect(da.score(vac('Финансовый аналитик', none)).verdict).toBe('hide');
    expect(da.score(vac('Трейдер-аналитик', none)).verdict).toBe('hide');
    // The data family: data, BI, product, web analysts; and a title naming it in brackets.
    for (const t of [
      'Аналитик данных',
      'Продуктовый аналитик',
      'BI-аналитик',
      'Веб-аналитик',
      'Аналитик маркетплейсов',
      'Системный аналитик (Data)',
      'Аналитик',
    ]) {
      expect(da.score(vac(t, none)).verdict, t).not.toBe('hide');
    }
    // A specialisation of the user's own family is no foreign qualifier.
    expect(da.features(vac('Продуктовый аналитик', none)).qualifier).toBe('');
    // The other way round for a business analyst.
    const baP = compileProfile(
      profile({
        desiredTitles: ['Бизнес-аналитик', 'Системный аналитик'],
        skills: ['BPMN', 'SQL'],
        experience: 'between1And3',
      }),
    );
    const one = { experience: 'between1And3' as const };
    expect(baP.score(vac('Аналитик бизнес-процессов', one)).verdict).toBe('show');
    expect(baP.score(vac('Системный аналитик', one)).verdict).toBe('show');
    const data = baP.score(vac('Аналитик данных', one));
    expect(data.verdict).toBe('hide');
    expect(data.reasons.map((r) => formatReason(r, 'en'))).toContain('a different role: аналитик данных');
    // Another wanted role in the head keeps the job ("BI-разработчик" wants developers).
    const bi = compileProfile(
      profile({
        desiredTitles: ['BI-аналитик', 'BI-разработчик'],
        skills: ['Power BI', 'SQL'],
        experience: 'between1And3',
      }),
    );
    expect(bi.features(vac('Разработчик бизнес-аналитики (Power BI)', one)).roleMismatch).toBe('');
    // Only the bare "Аналитик": every kind is the user's.
    const any = compileProfile(profile({ desiredTitles: ['Аналитик'], skills: ['SQL'], experience: 'between1And3' }));
    expect(any.score(vac('Бизнес-аналитик', one)).verdict).not.toBe('hide');
    expect(any.features(vac('Финансовый аналитик', one)).roleMismatch).toBe('');
  });
  it('reads an accountant job from accounting words in a title with no role', () => {
    const acc = compileProfile(
      profile({
        desiredTitles: ['Бухгалтер', 'Главный бухгалтер'],
        skills: ['1С:Бухгалтерия', 'Бухгалтерская отчётность'],
        experience: 'between3And6',
      }),
    );
    const one = { experience: 'between1And3' as const };
    expect(acc.score(vac('Старший специалист отдела корпоративной отчетности по РСБУ', one)).verdict).not.toBe('hide');
    expect(acc.score(vac('Специалист по МСФО', one)).verdict).not.toBe('hide');
    expect(acc.score(vac('Специалист по бухгалтерскому учету', one)).verdict).not.toBe('hide');
    // Without the accounting word it is any reporting job; with another role it is that role's job.
    expect(acc.score(vac('Старший специалист отдела корпоративной отчетности', one)).verdict).toBe('hide');
    expect(acc.score(vac('Аналитик МСФО', one)).verdict).toBe('hide');
    // The domain stands in for the role only at DOMAIN_W: the role itself still ranks higher.
    expect(acc.score(vac('Бухгалтер', one)).score).toBeGreaterThan(acc.score(vac('Специалист по МСФО', one)).score);
  });
  it('matches a wanted title made only of seniority words by those words ("Помощник руководителя", "Директор")', () => {
    const one = { experience: 'between1And3' as const };
    const pa = compileProfile(
      profile({ desiredTitles: ['Помощник руководителя'], skills: ['Деловая переписка'], experience: 'between1And3' }),
    );
    for (const t of ['Помощник руководителя', 'Ассистент руководителя', 'Личный помощник руководителя / ассистент']) {
      expect(pa.score(vac(t, one)).verdict, t).not.toBe('hide');
      expect(pa.features(vac(t, one)).title, t).toBe(1);
    }
    expect(pa.score(vac('Водитель-экспедитор', one)).verdict).toBe('hide');
    // "руководитель" in the vacancy is the job there, not a match: only half the wanted words, and a level above.
    expect(pa.score(vac('Руководитель отдела продаж', { experience: 'between3And6' })).verdict).toBe('hide');
    // The words describe the job, not the user's level: no level filter from "руководителя".
    expect(pa.features(vac('Помощник руководителя', one)).levelGap).toBe(0);
    // A missing wanted word is reported with the user's own wording.
    const texts = pa.score(vac('Офис-менеджер', one)).reasons.map((r) => formatReason(r, 'en'));
    expect(texts.join(' | ')).not.toContain('~');
    const dir = compileProfile(profile({ desiredTitles: ['Директор'], skills: [], experience: 'moreThan6' }));
    expect(dir.score(vac('Директор', { experience: 'moreThan6' })).verdict).toBe('show');
    expect(dir.score(vac('Кладовщик', { experience: 'moreThan6' })).verdict).toBe('hide');
    // A title with a role keeps its role: "Помощник бухгалтера" is about the accountant, as before.
    expect(
      compileProfile(profile({ desiredTitles: ['Помощник бухгалтера'], skills: [] })).features(
        vac('Помощник руководителя', one),
      ).title,
    ).toBeLessThan(0.5);
  });
  it('reads whom an assistant assists as one principal ("Помощник директора" is "Помощник руководителя")', () => {
    const one = { experience: 'between1And3' as const };
    const pa = compileProfile(
      profile({ desiredTitles: ['Помощник руководителя', 'Ассистент руководителя'], experience: 'between1And3' }),
    );
    for (const t of ['Помощник директора', 'Помощник генерального директора', 'Ассистент директора по маркетингу']) {
      expect(pa.features(vac(t, one)).title, t).toBe(1);
      expect(codes(pa.score(vac(t, one))), t).not.toContain('not_sure');
    }
    // Outside an assistant's title the director stays a post of its own, above a department's head.
    const head = compileProfile(profile({ desiredTitles: ['Руководитель отдела продаж'], experience: 'between3And6' }));
    expect(head.features(vac('Директор по продажам', one)).title).toBeLessThan(1);
  });
  it('counts the wanted rank words as known words of a vacancy title ("Помощник руководителя" shows)', () => {
    const one = { experience: 'between1And3' as const };
    const pa = compileProfile(profile({ desiredTitles: ['Помощник руководителя'], experience: 'between1And3' }));
    // The exact post shows, above one that assists somewhere else.
    expect(pa.score(vac('Помощник директора', one)).verdict).toBe('show');
    expect(pa.score(vac('Помощник руководителя', one)).score).toBeGreaterThan(
      pa.score(vac('Помощник руководителя упаковки', one)).score,
    );
  });
  it('reads the user\'s own job noun in brackets after a generic head ("Специалист (геодезист)")', () => {
    const one = { experience: 'between1And3' as const };
    const surveyor = compileProfile(
      profile({ desiredTitles: ['Геодезист', 'Инженер-геодезист'], experience: 'between1And3' }),
    );
    expect(surveyor.features(vac('Специалист (геодезист)', one)).title).toBeGreaterThanOrEqual(0.8);
    expect(surveyor.score(vac('Специалист (геодезист)', one)).verdict).toBe('show');
    // Not when the brackets say more than the user's words, nor after a head that names a job of its own.
    const cfo = compileProfile(profile({ desiredTitles: ['CFO', 'Финансовый директор'], experience: 'moreThan6' }));
    expect(cfo.features(vac('Consultant (Digital CFO Group)', one)).title).toBeLessThan(0.8);
    expect(surveyor.features(vac('Водитель (геодезист)', one)).title).toBeLessThan(0.8);
  });
  it('gives the other speciality as a reason beside a year of experience short', () => {
    // Hidden for the speciality, not for the year: a beginner is told both.
    const fitter = compileProfile(profile({ desiredTitles: ['Слесарь-сантехник'], experience: 'noExperience' }));
    const r = fitter.score(vac('Слесарь-ремонтник', { experience: 'between1And3' }));
    expect(r.verdict).toBe('hide');
    expect(codes(r)).toEqual(expect.arrayContaining(['needs_experience', 'title_lacks']));
  });
  it('reads an assistant’s word as the job, not a junior grade, for someone who wants an assistant’s job', () => {
    const six = { experience: 'moreThan6' as const };
    const pa = compileProfile(
      profile({ desiredTitles: ['Помощник/ассистент руководителя', 'Помощник руководителя'], experience: 'moreThan6' }),
    );
    for (const t of ['Личный ассистент', 'Бизнес-ассистент собственника', 'Помощник генерального директора']) {
      expect(pa.features(vac(t, six)).levelGap, t).toBe(0);
      expect(codes(pa.score(vac(t, six))), t).not.toContain('level_below');
    }
    // For anyone else an assistant's post is below their own.
    const acc = compileProfile(profile({ desiredTitles: ['Бухгалтер'], experience: 'moreThan6' }));
    expect(acc.features(vac('Помощник бухгалтера', six)).levelGap).toBeGreaterThanOrEqual(2);
  });
  it('reads a head post the user wants as their level, whatever their years, and its head nouns as one', () => {
    // Three years in sales, now after a head-of-sales post: the head posts are the job, not "a level above".
    const one = { experience: 'between1And3' as const };
    const head = compileProfile(
      profile({
        desiredTitles: ['Руководитель отдела продаж', 'Руководитель отдела продаж (HoReCa)'],
        skills: ['Управление продажами'],
        experience: 'between1And3',
      }),
    );
    for (const t of [
      'Руководитель отдела продаж B2C',
      'Начальник отдела продаж',
      'Руководитель отдела оптовых продаж',
    ]) {
      const r = head.score(vac(t, one));
      expect(r.verdict, t).toBe('show');
      expect(head.features(vac(t, one)).levelGap, t).toBe(0);
      // The rank word is the job here: the reason names the title whole, never "отдела продаж".
      expect(r.reasons.map((x) => formatReason(x, 'en')).join(' | '), t).toContain("'Руководитель отдела продаж'");
    }
    // Sharing only the rank word with a title that heads something else matches nothing.
    expect(head.features(vac('Руководитель маркетинговой аналитики', one)).title).toBeLessThan(0.4);
    // "Заведующий", "Управляющий" head a post the way "Начальник" does.
    const store = compileProfile(
      profile({ desiredTitles: ['Начальник склада', 'Заведующий складом'], skills: [], experience: 'between3And6' }),
    );
    for (const t of ['Руководитель склада', 'Заведующая складом', 'Заместитель начальника склада'])
      expect(store.features(vac(t, one)).title, t).toBeGreaterThanOrEqual(0.8);
    // A rank word is the job's core only when every title names it: a pharmacist who would also head a pharmacy
    // wants a pharmacist's post too.
    const pharm = compileProfile(
      profile({ desiredTitles: ['Фармацевт-провизор', 'Заведующий аптекой'], skills: [], experience: 'between3And6' }),
    );
    expect(pharm.features(vac('Фармацевт', one)).coreMissing).toBe('');
    // An assistant's titles keep the assistant as their core, however often a title names it.
    const pa = compileProfile(
      profile({
        desiredTitles: ['Помощник/ассистент руководителя', 'Помощник руководителя'],
        experience: 'between1And3',
      }),
    );
    for (const t of ['Личный ассистент', 'Бизнес-ассистент']) expect(pa.features(vac(t, one)).coreMissing, t).toBe('');
  });
});
