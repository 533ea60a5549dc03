import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build, ROLE_MODEL_FILE } from '../../../scripts/build-role-model';
import { describeWithShared, hasSharedFile } from '../../../test/shared-fixtures';
import { titleFeatures } from './role-features';
import { RoleModel, type RoleModelData } from './role-model';
import { builtinRoleModel } from './roles';

const top = (title: string) => builtinRoleModel().predict(title).top[0];

describe('role model (built into the extension)', () => {
  it('reads the profession of real hh titles across the catalogue', () => {
    expect(top('Водитель-экспедитор')?.role.name).toBe('Водитель');
    expect(top('Продавец-кассир в магазин у дома')?.role.name).toMatch(/^Продавец-консультант/);
    expect(top('Главный бухгалтер')?.role.name).toBe('Бухгалтер');
    expect(top('Повар горячего цеха')?.role.name).toMatch(/Повар/);
    expect(top('Python-разработчик')?.role.name).toBe('Программист, разработчик');
    for (const t of ['Водитель-экспедитор', 'Главный бухгалтер']) expect(top(t)?.p).toBeGreaterThan(0.5);
  });

  it('is sure of a one-word title and less so of a long one (the temperature grows with the title)', () => {
    // One flat temperature read "Токарь" 0.14 and "Секретарь" 0.27: a long title's repeated features set it.
    expect(top('Токарь')?.role.name).toMatch(/^Токарь/);
    expect(top('Токарь')?.p).toBeGreaterThan(0.6);
    expect(top('Секретарь')?.p).toBeGreaterThan(0.6);
    // the same evidence and more words: flatter
    const data: RoleModelData = {
      version: 1,
      roles: [
        { id: '1', name: 'A', category: 'x' },
        { id: '2', name: 'B', category: 'x' },
      ],
      prior: [Math.log(0.5), Math.log(0.5)],
      unseen: [0, 0],
      temperature: 0.5,
      temperatureSlope: 0.5,
      features: { альф: [0, 200], '^альф': [0, 0], бет: [0, 0] },
    };
    const m = new RoleModel(data);
    const short = m.predict('Альфа').top[0]?.p ?? 0;
    const long = m.predict('Альфа бета').top[0]?.p ?? 0;
    expect(short).toBeGreaterThan(long);
    expect(new RoleModel({ ...data, temperatureSlope: undefined }).predict('Альфа бета').top[0]?.p).toBeCloseTo(
      1 / (1 + Math.exp(-2 / 0.5)),
      6,
    );
  });

  it('keeps what the labelled titles say over the text of many copies of one vacancy', () => {
    // hh labels merchandisers "Мерчандайзер"; one employer's "Мерчендайзер-грузчик, г. …" posted in a hundred towns,
    // read by its text, had taught the model that a merchandiser is a shop assistant (0.97).
    expect(top('Мерчендайзер')?.role.name).toBe('Мерчандайзер');
  });

  it('does not read an English title as IT for its language ("Financial Analyst" is no DevOps engineer)', () => {
    // The description model read every English text as IT (hh's English texts mostly are), and taught the co-trained
    // titles so: "Finance Manager" was DevOps 0.62, "Chief Financial Officer" 0.21.
    const it = new Set(
      builtinRoleModel()
        .roles.filter((r) => r.category === 'Информационные технологии' && !/аналитик/i.test(r.name))
        .map((r) => r.name),
    );
    for (const t of ['Financial Analyst', 'Finance Manager', 'Financial Controller', 'Chief Financial Officer']) {
      const read = builtinRoleModel()
        .predict(t)
        .top.filter((x) => it.has(x.role.name));
      expect(
        read.reduce((s, x) => s + x.p, 0),
        t,
      ).toBeLessThan(0.1);
    }
  });

  it('says how commonly a role’s titles use a word (system administrators are often "инженер", tyre fitters never)', () => {
    const m = builtinRoleModel();
    const idx = (name: string) => m.roles.findIndex((r) => r.name === name);
    expect(m.featureWeight('инженер', idx('Системный администратор'))).toBeGreaterThanOrEqual(4);
    expect(m.featureWeight('инженер', idx('Автослесарь, автомеханик'))).toBeLessThan(4);
    expect(m.featureWeight('нет-такого-слова', 0)).toBe(0);
  });

  it('says when the head of a title is new to it instead of guessing', () => {
    expect(builtinRoleModel().predict('Кракозябрист').unknownHead).toBe(true);
    expect(builtinRoleModel().predict('Водитель категории C').unknownHead).toBe(false);
  });

  it('has probabilities that sum to one and knows all of hh’s catalogue', () => {
    const m = builtinRoleModel();
    const p = m.predict('Менеджер по продажам');
    expect([...p.probs].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(m.roles.length).toBeGreaterThanOrEqual(174);
    expect(m.role('21')?.category).toBe('Домашний, обслуживающий персонал');
  });

  it('stays small: the JSON artefact is well under the 10 MB the worker may hold', () => {
    expect(statSync(ROLE_MODEL_FILE).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('gives a title stems, the head word, concepts and head pairs, with bracket words at half weight', () => {
    const f = titleFeatures('Менеджер по продажам (B2B)');
    expect(f.get('^менеджер')).toBe(1);
    expect(f.get('менеджер_продаж')).toBe(1);
    expect(f.get('b2b')).toBe(0.5);
  });
});

describeWithShared('role model artefact', () => {
  it('is what scripts/build-role-model.ts builds from ../shared/data (run it after changing the features or data)', () => {
    if (!hasSharedFile('data/role_titles_2026-05.csv')) return;
    const built = `${JSON.stringify(build())}\n`;
    expect(built === readFileSync(ROLE_MODEL_FILE, 'utf8')).toBe(true);
  }, 600_000);
});
