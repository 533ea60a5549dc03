import { describe, expect, it } from 'vitest';
import { formatReason } from './reasons';
import { profileSchema, type ProfileInput } from './profile';
import { builtinRoleModel } from './roles';
import { compileProfile } from './score';
import { vac } from './testkit';
import type { MatchVacancy } from './vacancy';

const scorer = (p: ProfileInput) => {
  const m = compileProfile(profileSchema.parse(p), { roles: builtinRoleModel() });
  return (v: MatchVacancy) => {
    const r = m.score(v);
    return { ...r, text: r.reasons.map((x) => formatReason(x, 'en')) };
  };
};

describe('scorer with the role model', () => {
  const driver = scorer({ desiredTitles: ['Водитель', 'Водитель-экспедитор'], experience: 'between3And6' });
  const accountant = scorer({ desiredTitles: ['Бухгалтер', 'Главный бухгалтер'], experience: 'moreThan6' });

  it('reads a compound abbreviation as the words of the user’s title ("стройконтроль", "технадзор")', () => {
    const supervisor = scorer({
      desiredTitles: ['Инженер строительного контроля', 'Инженер технического надзора'],
      experience: 'between3And6',
    });
    for (const t of ['Инженер стройконтроля', 'Инженер технадзора (общестрой)']) {
      const r = supervisor(vac(t));
      expect(r.verdict).toBe('show');
      expect(r.text.join('; ')).toMatch(/title matches/);
    }
  });

  it('takes the plain post as a step below for someone whose every title names a head post ("Главный бухгалтер")', () => {
    const chief = scorer({
      desiredTitles: ['Главный бухгалтер', 'Заместитель главного бухгалтера'],
      experience: 'moreThan6',
    });
    const plain = chief(vac('Бухгалтер на первичную документацию', { experience: 'between1And3' }));
    const own = chief(vac('Главный бухгалтер', { experience: 'between3And6' }));
    expect(plain.text.join('; ')).toMatch(/level below yours/);
    expect(plain.score).toBeLessThan(own.score - 0.2);
    expect(plain.verdict).not.toBe('hide');
    // not where a title of the user's is the plain post: hh's id is then only a minimum
    const accountant = scorer({ desiredTitles: ['Главный бухгалтер', 'Бухгалтер'], experience: 'moreThan6' });
    expect(accountant(vac('Бухгалтер', { experience: 'between1And3' })).text.join('; ')).not.toMatch(/level below/);
  });

  it('hides another profession it reads, with that reason', () => {
    const r = accountant(vac('Повар горячего цеха'));
    expect(r.verdict).toBe('hide');
    expect(r.text.join('; ')).toMatch(/another profession/);
  });

  it('dims a title that names only a generic noun ("Ведущий инженер") instead of calling it another profession', () => {
    const sysadmin = scorer({
      desiredTitles: ['Системный администратор', 'Инженер технической поддержки'],
      experience: 'between3And6',
    });
    for (const t of ['Ведущий инженер', 'Инженер']) {
      const r = sysadmin(vac(t));
      expect(r.verdict).toBe('dim');
      expect(r.text).toContain('not sure: the title is unfamiliar');
    }
    // a title naming a specific other job is still evidence
    expect(sysadmin(vac('Повар горячего цеха')).verdict).toBe('hide');
  });

  it('hides a generic title that names a field the user’s titles do not ("Инженер" for a tyre fitter)', () => {
    const fitter = scorer({ desiredTitles: ['Шиномонтажник', 'Мастер шиномонтажа'], experience: 'between1And3' });
    for (const t of ['Инженер', 'Ведущий инженер']) {
      const r = fitter(vac(t));
      expect(r.verdict).toBe('hide');
      expect(r.text.join('; ')).toMatch(/another profession/);
    }
    // a generic noun the model reads everywhere names no field: not evidence
    const economist = scorer({ desiredTitles: ['Экономист', 'Ведущий экономист'], experience: 'between3And6' });
    expect(economist(vac('Специалист')).text).toContain('not sure: the title is unfamiliar');
  });

  it('does not take a flat reading of a title with the user’s own generic noun for another profession', () => {
    const infosec = scorer({
      desiredTitles: ['Специалист по информационной безопасности', 'Инженер по защите информации'],
      experience: 'between3And6',
    });
    const r = infosec(vac('Инженер по кибербезопасности', { experience: 'between3And6' }));
    expect(r.verdict).not.toBe('hide');
    expect(r.text).toContain('not sure: the title is unfamiliar');
    // a title the model reads surely as another job still hides
    expect(infosec(vac('Инженер-сметчик', { experience: 'between3And6' })).verdict).toBe('hide');
  });

  it('takes a level one step off as borderline, not as evidence to hide by', () => {
    // the guide calls a step off borderline: a low score with only that against it is "not sure", not hidden
    const sysadmin = scorer({
      desiredTitles: ['Системный администратор', 'Администратор сетей', 'Инженер технической поддержки'],
      experience: 'between3And6',
    });
    const r = sysadmin(vac('Инженер-программист (системный администратор)', { experience: 'noExperience' }));
    expect(r.text.join('; ')).toMatch(/level below yours/);
    expect(r.verdict).not.toBe('hide');
    // two steps off still hides
    const junior = scorer({ desiredTitles: ['Менеджер по продажам'], experience: 'noExperience' });
    expect(junior(vac('Руководитель отдела продаж', { experience: 'moreThan6' })).verdict).toBe('hide');
  });

  it('hides a language level two steps above the user’s, says but does not hide one step above', () => {
    const translator = scorer({
      desiredTitles: ['Переводчик английского языка', 'Технический переводчик'],
      languages: [{ code: 'eng', level: 'c1' }],
      experience: 'between3And6',
    });
    const c2 = translator(vac('Переводчик английского языка', { languages: [{ id: 'eng', level: 'c2' }] }));
    expect(c2.verdict).not.toBe('hide');
    expect(c2.text).toContain('needs English C2');
    const b1 = scorer({ desiredTitles: ['Менеджер по продажам'], languages: [{ code: 'eng', level: 'b1' }] });
    const r = b1(vac('Менеджер по продажам', { languages: [{ id: 'eng', level: 'c1' }] }));
    expect(r.verdict).toBe('hide');
    expect(r.text[0]).toBe('needs English C1');
  });

  it('reads a title with a head word new to the model when the words it knows settle it', () => {
    const analyst = scorer({
      desiredTitles: ['Аналитик данных'],
      skills: ['SQL', 'Python'],
      experience: 'between1And3',
    });
    const r = analyst(vac('Сварщик-аргонщик'));
    expect(r.verdict).toBe('hide');
    expect(r.text.join('; ')).toMatch(/another profession: Сварщик/);
    // a head the model cannot settle stays "not sure"
    expect(analyst(vac('Кракозябрист-аргонщик')).text).toContain('not sure: the title is unfamiliar');
  });

  it('reads the user’s profession from desired titles without their grade words', () => {
    // "Ведущий …" leans to IT analysts in the model; as an IT (graded) field, 1–3 years was two levels below a lead.
    const fin = scorer({
      desiredTitles: ['Ведущий финансовый аналитик', 'Старший финансовый аналитик', 'Financial Analyst'],
      skills: ['Финансовое моделирование', 'Бюджетирование'],
      experience: 'moreThan6',
    });
    const r = fin(vac('Финансовый аналитик', { experience: 'between1And3' }));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/level below/);
  });

  it('does not call a title another profession when its likeliest role is the user’s own, however unsure', () => {
    const sales = scorer({
      desiredTitles: ['Менеджер по продажам', 'Менеджер по работе с клиентами'],
      skills: ['B2B продажи', 'CRM'],
      experience: 'between1And3',
    });
    const r = sales(vac('Звезда продаж (B2B автотовары)'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/another profession/);
    expect(sales(vac('Повар горячего цеха')).verdict).toBe('hide');
  });

  it('reads "X / Y Manager" as "X Manager / Y Manager" (one alternative may be the wanted job)', () => {
    const pm = scorer({
      desiredTitles: ['Product Manager', 'Продакт-менеджер'],
      skills: ['Roadmap'],
      experience: 'between3And6',
    });
    const r = pm(vac('Product / Project Manager (подписная модель)'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/different role/);
    // a plain other role stays what it is
    expect(pm(vac('Project Manager')).verdict).toBe('hide');
  });

  it('does not call a full vacancy another profession when it shares a title word and two of the skills', () => {
    const mech = scorer({
      desiredTitles: ['Автомеханик', 'Автослесарь', 'Механик по ремонту автомобилей'],
      skills: ['Диагностика', 'Ремонт ходовой', 'ТО автомобилей', 'Ремонт двигателя'],
      experience: 'between3And6',
    });
    const text = { description: 'Диагностика и ТО автомобилей клиентов сервиса.', keySkills: [] };
    const full = mech(vac('Сервисный механик', text));
    expect(full.verdict).not.toBe('hide');
    expect(full.text.join('; ')).not.toMatch(/another profession/);
    // the same title with a text naming none of the skills is judged by the title alone, as before
    const bare = mech(vac('Сервисный механик', { description: 'Обслуживание станков на заводе.', keySkills: [] }));
    expect(bare.verdict).toBe('hide');
    expect(bare.text.join('; ')).toMatch(/another profession/);
  });

  it('matches a word split by Snowball at a fleeting vowel ("закупок" / "закупкам")', () => {
    const buyer = scorer({ desiredTitles: ['Специалист по закупкам'], experience: 'between1And3' });
    const r = buyer(vac('Специалист по организации закупок'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).toMatch(/title (partly )?matches 'Специалист по закупкам'/);
  });

  it('dims a title it cannot read as "not sure" instead of hiding it', () => {
    const r = accountant(vac('Кракозябрист'));
    expect(r.verdict).toBe('dim');
    expect(r.text).toContain('not sure: the title is unfamiliar');
  });

  it('takes hh’s own role ids over its reading of the title', () => {
    const r = driver(vac('Инструктор', { professionalRoleIds: ['21'] }));
    expect(r.verdict).not.toBe('hide');
    expect(r.text).toContain('your profession: Водитель');
    expect(driver(vac('Инструктор', { professionalRoleIds: ['97'] })).verdict).toBe('hide');
  });

  it('takes hh’s role alone as a "maybe": dimmed, not shown beside the titles the words match', () => {
    // hh's roles are broad: "Инженер-конструктор, инженер-проектировщик" is every kind of design engineer, and a
    // low-current systems designer was shown to an electronics engineer as "your profession".
    const electronics = scorer({
      desiredTitles: ['Инженер-электроник', 'Инженер-схемотехник', 'Радиоинженер'],
      experience: 'between3And6',
    });
    const r = electronics(vac('Ведущий инженер-проектировщик слаботочных систем', { experience: 'between3And6' }));
    expect(r.text.join('; ')).toMatch(/your profession/);
    expect(r.verdict).toBe('dim');
    expect(electronics(vac('Инженер-электроник', { experience: 'between3And6' })).verdict).toBe('show');
  });

  it('keeps a product owner for a product manager (issue 17)', () => {
    const pm = scorer({ desiredTitles: ['Product Manager', 'Менеджер продукта'], experience: 'between3And6' });
    expect(pm(vac('Product Owner', { experience: 'between3And6' })).verdict).not.toBe('hide');
  });

  it('hides what the user cannot drive, saying so', () => {
    const b = scorer({ desiredTitles: ['Водитель категории B'], driverLicences: ['B'], experience: 'between3And6' });
    const r = b(vac('Водитель-экспедитор', { snippet: 'Требования: права категории C, E, стаж от 3 лет' }));
    expect(r.verdict).toBe('hide');
    expect(r.text).toContain('needs a driving licence C, E');
    expect(b(vac('Водитель-экспедитор', { snippet: 'права категории B' })).verdict).toBe('show');
  });

  it('every reason is true: no junior in the match of a Middle vacancy, no partial match for another stack', () => {
    const py = scorer({ desiredTitles: ['Junior Python developer', 'Python developer'], experience: 'noExperience' });
    expect(py(vac('Middle Python developer')).text).toContain("title matches 'Python developer'");
    expect(py(vac('Junior Python developer')).text).toContain("title matches 'Junior Python developer'");
    const java = py(vac('Senior Java Developer')).text.join('; ');
    expect(java).not.toMatch(/partly matches/);
    expect(java).toMatch(/Java is not among your skills/);
  });

  it('hh’s 1–3 years is a minimum outside IT, not two grades down', () => {
    const doctor = scorer({ desiredTitles: ['Врач-терапевт'], experience: 'moreThan6' });
    expect(doctor(vac('Врач-терапевт', { experience: 'between1And3' })).verdict).not.toBe('hide');
  });
});

describe('a title the words only partly match hides on evidence only', () => {
  it("hides another speciality of the same job, naming what the title lacks in the user's words", () => {
    const teacher = scorer({ desiredTitles: ['Преподаватель английского языка'], experience: 'between3And6' });
    const r = teacher(vac('Преподаватель «Пожарной техники»'));
    expect(r.verdict).toBe('hide');
    expect(r.text).toContain("another speciality: no 'английского языка' in the title");
    // the same job in the user's speciality is kept
    expect(teacher(vac('Преподаватель английского языка в школу')).verdict).not.toBe('hide');
  });

  it('takes a title with the user’s job noun and a word of their speciality for a neighbour, not another speciality', () => {
    const operator = scorer({
      desiredTitles: ['Оператор ПК', 'Оператор ввода данных', 'Специалист по вводу данных'],
      experience: 'between1And3',
    });
    const r = operator(vac('Оператор базы данных', { experience: 'between1And3' }));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/another speciality/);
    // sharing only the job noun is still another speciality
    const pediatrician = scorer({
      desiredTitles: ['Врач-педиатр', 'Врач-педиатр участковый'],
      experience: 'moreThan6',
    });
    expect(pediatrician(vac('Врач-хирург')).text.join('; ')).toMatch(/another speciality/);
  });

  it('reads a compound with the object first as a word of the user’s ("посудомоечной" is of "посуды")', () => {
    const washer = scorer({
      desiredTitles: ['Мойщик посуды', 'Посудомойщица', 'Кухонный работник'],
      skills: ['Работа с посудомоечной машиной', 'Санитарные нормы'],
      experience: 'noExperience',
    });
    const r = washer(vac('Оператор Посудомоечной машины', { experience: 'noExperience' }));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).toMatch(/partly matches 'Мойщик посуды'/);
  });

  it('takes no abbreviation it does not know for another speciality', () => {
    const installer = scorer({
      desiredTitles: ['Монтажник слаботочных систем', 'Монтажник СКС'],
      experience: 'between1And3',
    });
    const r = installer(vac('Инженер-монтажник ВОЛС'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/another speciality/);
  });

  it('dims a partial match with nothing against it, hides one the model is all but certain is another job', () => {
    const warehouse = scorer({ desiredTitles: ['Работник склада'], experience: 'noExperience' });
    const full = { description: 'Приёмка и отгрузка товара, работа с ТСД.', keySkills: ['Инвентаризация'] };
    const op = warehouse(vac('Оператор склада', full));
    expect(op.verdict).toBe('dim');
    expect(op.reasons.some((x) => x.polarity === 'minus')).toBe(true);
    const ba = warehouse(vac('Бизнес-аналитик склада', full));
    expect(ba.verdict).toBe('hide');
    expect(ba.text.join('; ')).toMatch(/another profession/);
  });
});

describe('a title that also names the wanted role', () => {
  it('is not "a different role" when the wanted role stands beside its head', () => {
    const economist = scorer({ desiredTitles: ['Экономист'], experience: 'between1And3' });
    const r = economist(vac('Бизнес-аналитик (экономист / бухгалтер)'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/different role|another profession/);
    // the head alone is another job
    expect(economist(vac('Бизнес-аналитик')).verdict).toBe('hide');
  });

  it('reads "Sales менеджер" as a sales manager', () => {
    const sales = scorer({ desiredTitles: ['Менеджер по продажам'], experience: 'between1And3' });
    const r = sales(vac('Sales менеджер'));
    expect(r.verdict).toBe('show');
    expect(r.text.join('; ')).not.toMatch(/different role/);
  });
});

describe('a database administrator is its own role', () => {
  it('is another role for a front-desk administrator and the job itself for a DBA', () => {
    const desk = scorer({
      desiredTitles: ['Администратор', 'Администратор салона красоты'],
      experience: 'between1And3',
    });
    const r = desk(vac('Администратор баз данных'));
    expect(r.verdict).toBe('hide');
    expect(r.text.join('; ')).toMatch(/different role/);
    expect(desk(vac('Администратор салона')).verdict).not.toBe('hide');
    const dba = scorer({ desiredTitles: ['Администратор баз данных'], experience: 'between3And6' });
    expect(dba(vac('Администратор БД PostgreSQL')).verdict).toBe('show');
  });

  it('outside graded fields, fewer years asked is no level below (a minimum, not a grade)', () => {
    const nurse = scorer({ desiredTitles: ['Медицинская сестра', 'Палатная медсестра'], experience: 'moreThan6' });
    const r = nurse(vac('Медицинская сестра палатная', { experience: 'noExperience' }));
    expect(r.verdict).toBe('show');
    expect(r.text.join('; ')).not.toMatch(/level below/);
    // a level the title names still counts
    expect(nurse(vac('Помощник медицинской сестры', { experience: 'noExperience' })).text.join('; ')).toMatch(
      /level below/,
    );
    // in IT hh's band is a grade: a 1–3 years vacancy is below someone with 6+ years
    const dev = scorer({ desiredTitles: ['Python-разработчик'], experience: 'moreThan6' });
    expect(dev(vac('Python-разработчик', { experience: 'between1And3' })).text.join('; ')).toMatch(/level below/);
  });

  it('does not match a word to a longer word made from it by a suffix ("охране" is not "охранник")', () => {
    const guard = scorer({ desiredTitles: ['Охранник', 'Сотрудник охраны'], experience: 'moreThan6' });
    const r = guard(vac('Специалист по охране труда'));
    expect(r.text.join('; ')).not.toMatch(/title (partly )?matches '/);
    expect(r.verdict).not.toBe('show');
    expect(guard(vac('Охранник ТЦ')).verdict).toBe('show');
  });

  it('keeps a kindergarten teacher apart from a course lecturer', () => {
    const nursery = scorer({ desiredTitles: ['Воспитатель', 'Воспитатель детского сада'], experience: 'between3And6' });
    expect(nursery(vac('Преподаватель курса «ML-разработчик»')).text.join('; ')).not.toMatch(/title matches '/);
    expect(nursery(vac('Воспитатель в частный детский сад')).verdict).toBe('show');
  });

  it('takes the same trade from the job noun, not from what the job is about', () => {
    const head = scorer({
      desiredTitles: ['Руководитель отдела продаж', 'Коммерческий директор'],
      skills: ['Управление продажами', 'B2B продажи', 'CRM'],
      experience: 'moreThan6',
    });
    const text = { description: 'Активные B2B продажи, ведение клиентов в CRM, выполнение плана.', keySkills: [] };
    const r = head(vac('Менеджер по продажам', text));
    expect(r.verdict).toBe('hide');
    expect(r.text.join('; ')).toMatch(/another profession/);
  });

  it('takes a spread reading as evidence when none of it is the user’s (three likeliest roles ≥ 0.2)', () => {
    const ml = scorer({ desiredTitles: ['ML Engineer', 'Machine Learning Engineer'], experience: 'between3And6' });
    const r = ml(vac('Печатник на офсетную машину'));
    expect(r.verdict).toBe('hide');
    expect(r.text.join('; ')).toMatch(/another profession/);
  });

  it('matches the spellings hh titles use side by side, one letter apart ("Риэлтор" / "Риелтор")', () => {
    const realtor = scorer({ desiredTitles: ['Риелтор', 'Агент по недвижимости'], experience: 'between3And6' });
    expect(realtor(vac('Риэлтор')).text.join('; ')).toMatch(/title matches 'Риелтор'/);
    const merch = scorer({ desiredTitles: ['Мерчандайзер'], experience: 'noExperience' });
    expect(merch(vac('Мерчендайзер в сеть магазинов')).text.join('; ')).toMatch(/title matches 'Мерчандайзер'/);
    // short words are not fuzzed ("повар" is not "товар")
    const cook = scorer({ desiredTitles: ['Повар'], experience: 'between1And3' });
    expect(cook(vac('Товаровед')).text.join('; ')).not.toMatch(/title (partly )?matches '/);
  });

  it('reads a title of generic nouns only when the model is all but certain ("Офис-менеджер", not "Ведущий инженер")', () => {
    const cleaner = scorer({ desiredTitles: ['Уборщица', 'Клинер'], experience: 'between1And3' });
    expect(cleaner(vac('Офис-менеджер')).verdict).toBe('hide');
    const sysadmin = scorer({ desiredTitles: ['Системный администратор'], experience: 'between3And6' });
    expect(sysadmin(vac('Ведущий инженер')).verdict).toBe('dim');
  });

  it('reads "кадровое администрирование" as HR records, not system administration', () => {
    const hr = scorer({ desiredTitles: ['Кадровик', 'Специалист по кадрам'], experience: 'between3And6' });
    const r = hr(vac('Специалист по кадровому администрированию'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/different role/);
  });

  it('an organisation named in the title is no speciality of its own ("Переводчик представительства компании")', () => {
    const tr = scorer({
      desiredTitles: ['Переводчик английского языка', 'Технический переводчик'],
      experience: 'between3And6',
    });
    const r = tr(vac('Переводчик Представительства Компании (Бангладеш)'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/another speciality/);
  });

  it('a level word beside a job noun it does not know is the user’s level, not the job ("Ведущий инженер-геодезист")', () => {
    const surveyor = scorer({
      desiredTitles: ['Инженер-геодезист', 'Геодезист', 'Ведущий инженер-геодезист'],
      experience: 'between3And6',
    });
    const r = surveyor(vac('Специалист (геодезист)'));
    expect(r.text.join('; ')).not.toMatch(/no ведущий/i);
    expect(r.verdict).not.toBe('hide');
  });

  it('an adjective made from the wanted job noun is not that job ("ветеринарной клиники" is not "ветеринар")', () => {
    const vet = scorer({ desiredTitles: ['Ветеринар', 'Ветеринарный врач'], experience: 'between3And6' });
    expect(vet(vac('Администратор ветеринарной клиники')).text.join('; ')).not.toMatch(/title matches 'Ветеринар'/);
    // an adjective of a word that is not the job noun still counts ("автомобильной техники" for "автомобилей")
    const mech = scorer({ desiredTitles: ['Механик по ремонту автомобилей'], experience: 'between3And6' });
    expect(mech(vac('Механик по ремонту автомобильной техники')).text.join('; ')).toMatch(/title matches/);
  });

  it('takes the job noun most desired titles name as the word a vacancy must name, known to the dictionary or not', () => {
    const dispatcher = scorer({
      desiredTitles: ['Диспетчер автотранспорта', 'Диспетчер транспортного отдела', 'Диспетчер-логист'],
      experience: 'between1And3',
    });
    const text = {
      description: 'Контроль движения транспорта по GPS, путевые листы, связь с водителями.',
      keySkills: [],
    };
    const r = dispatcher(vac('Диспетчер', text));
    expect(r.text.join('; ')).not.toMatch(/no логист/i);
    expect(r.verdict).not.toBe('hide');
  });

  it('reads "Офис-менеджер" as the office manager’s job, not a bare generic manager', () => {
    const office = scorer({
      desiredTitles: ['Офис-менеджер', 'Администратор офиса'],
      experience: 'between1And3',
    });
    const r = office(vac('Офис-менеджер'));
    expect(r.text.join('; ')).toMatch(/title matches 'Офис-менеджер'/);
    expect(r.verdict).toBe('show');
  });

  it('reads "станок с программным управлением" as ЧПУ', () => {
    const cnc = scorer({
      desiredTitles: ['Оператор станков с ЧПУ', 'Оператор-наладчик ЧПУ'],
      experience: 'between1And3',
    });
    const r = cnc(vac('Оператор станка с программным управлением (Лазер)'));
    expect(r.text.join('; ')).not.toMatch(/another speciality/);
    expect(r.verdict).not.toBe('hide');
  });

  it('takes a whole desired title named beside the head as the user’s job offered too', () => {
    const pa = scorer({
      desiredTitles: ['Помощник руководителя', 'Ассистент руководителя', 'Личный ассистент'],
      experience: 'between3And6',
    });
    const r = pa(vac('Офис-менеджер (помощник руководителя)'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).not.toMatch(/another profession/);
    // a phrase's part in the aside is not the wanted title ("(database administrator)" for "Администратор")
    const desk = scorer({ desiredTitles: ['Администратор'], experience: 'between1And3' });
    expect(desk(vac('Администратор баз данных (database administrator)')).verdict).not.toBe('show');
  });

  it('takes the user’s speciality under another job noun as their job when the model reads it so', () => {
    // "Агент" and "Брокер" по недвижимости: the speciality shared, only the job noun differs, and the model reads the
    // vacancy as the user's role. Neither a missing core ("Менеджер по продажам", of the other title) nor the missing
    // job noun is evidence against it.
    const realtor = scorer({
      desiredTitles: ['Агент по недвижимости', 'Менеджер по продажам недвижимости'],
      experience: 'between1And3',
    });
    for (const t of ['Брокер по коммерческой недвижимости', 'Брокер элитной недвижимости (вторичный рынок)']) {
      const r = realtor(vac(t));
      expect(r.verdict, t).not.toBe('hide');
      expect(r.text.join('; '), t).toMatch(/your profession: Агент по недвижимости/);
      expect(r.text.join('; '), t).not.toMatch(/another speciality/);
    }
    // Another job in the same field stays another one; so does the same job noun with another speciality.
    expect(realtor(vac('Бухгалтер по недвижимости')).verdict).toBe('hide');
    const plumber = scorer({ desiredTitles: ['Слесарь-сантехник'], experience: 'between3And6' });
    expect(plumber(vac('Слесарь-ремонтник')).verdict).toBe('hide');
  });

  it('takes the role reading of a partial match that contradicts nothing, a spelling apart', () => {
    // The user's "мерчендайзер" is hh's "Мерчандайзер": the plain job lacks only the user's modifier.
    const merch = scorer({
      desiredTitles: ['Региональный визуальный мерчендайзер', 'Визитный мерчендайзер'],
      experience: 'between1And3',
    });
    const r = merch(vac('Мерчандайзер'));
    expect(r.verdict).not.toBe('hide');
    expect(r.text.join('; ')).toMatch(/your profession: Мерчандайзер/);
    expect(r.text.join('; ')).not.toMatch(/no мерчендайзер|another speciality/);
    // A full match needs no role reading beside it (the badge says the title matches, once).
    const analyst = scorer({ desiredTitles: ['Аналитик данных'], experience: 'between1And3' });
    const full = analyst(vac('Аналитик данных')).text.join('; ');
    expect(full).toMatch(/title matches/);
    expect(full).not.toMatch(/your profession/);
    // A partial match that lacks the user's speciality keeps the words' verdict, whatever the broad role says.
    const teacher = scorer({ desiredTitles: ['Учитель начальных классов'], experience: 'between3And6' });
    expect(teacher(vac('Учитель английского языка')).verdict).toBe('hide');
  });

  it('reads hh’s experience id as a grade only in a role hh files under IT alone', () => {
    // hh files florists under "Дизайнер, художник", a role also in IT: a florist with 6+ years is still welcome
    // where 1–3 years will do, as in any trade.
    const florist = scorer({ desiredTitles: ['Флорист', 'Флорист-дизайнер'], experience: 'moreThan6' });
    const r = florist(vac('Флорист', { experience: 'between1And3' }));
    expect(r.verdict).toBe('show');
    expect(r.text.join('; ')).not.toMatch(/level below/);
    // A programmer's field is graded: 1–3 years is two grades below 6+.
    const dev = scorer({ desiredTitles: ['Python-разработчик'], experience: 'moreThan6' });
    expect(dev(vac('Python-разработчик', { experience: 'between1And3' })).text.join('; ')).toMatch(/level below/);
  });
});
