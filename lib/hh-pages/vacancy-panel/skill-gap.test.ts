import { describe, expect, it } from 'vitest';
import { hasSharedFile, readSharedFixture } from '../../../test/shared-fixtures';
import { fromHhApi } from '../../core/hh/api-vacancy';
import { skillGap } from './skill-gap';

const API_FULL = 'fixtures/hh/api/api_hh_vacancy_full_2026-03.json';

describe('skill gap', () => {
  it('matches through synonyms and abbreviations, and lists the key skills the user lacks', () => {
    const gap = skillGap(
      { skills: ['JS', 'Постгрес', 'React', 'Docker', 'машинное обучение'], resumeText: '' },
      {
        title: 'Frontend-разработчик',
        keySkills: ['JavaScript', 'PostgreSQL', 'TypeScript', 'Kubernetes'],
        description: '<p>Пишем на React</p>',
      },
    );
    expect(gap.matched).toEqual(['JS', 'Постгрес', 'React']);
    expect(gap.missing).toEqual(['TypeScript', 'Kubernetes']);
  });

  it('the resume text covers skills too; nothing is missing without key skills', () => {
    expect(
      skillGap(
        { skills: [], resumeText: 'Опыт с Kubernetes и TypeScript' },
        { title: 'x', keySkills: ['TypeScript', 'Kubernetes', 'Go'] },
      ).missing,
    ).toEqual(['Go']);
    expect(
      skillGap({ skills: ['Python'], resumeText: '' }, { title: 'Python developer', description: 'Django' }),
    ).toEqual({ matched: ['Python'], missing: [] });
  });

  it.skipIf(!hasSharedFile(API_FULL))(
    'on a real vacancy (api.hh.ru full vacancy, 2026-03): PHP developer vs a JS/MySQL profile',
    () => {
      const v = fromHhApi(JSON.parse(readSharedFixture(API_FULL)));
      expect(v.keySkills).toEqual(['PHP', 'MySQL', 'Laravel', 'Node.js', 'Clickhouse', 'SQL', 'MongoDB', 'Git']);
      const gap = skillGap(
        { skills: ['JavaScript', 'NodeJS', 'MySQL', 'Redis', 'Figma', 'git'], resumeText: 'Писал запросы на SQL' },
        v,
      );
      expect(gap.matched).toEqual(['NodeJS', 'MySQL', 'Redis', 'git']);
      expect(gap.missing).toEqual(['PHP', 'Laravel', 'Clickhouse', 'MongoDB']);
    },
  );
});
