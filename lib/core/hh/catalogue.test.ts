import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, CATALOGUE_FILE } from '../../../scripts/build-hh-catalogue';
import { describeWithShared, hasSharedFile } from '../../../test/shared-fixtures';
import { DRIVER_LICENCES, LANGUAGE_LEVELS } from '../match/profile';
import roleModel from '../match/role-model.json';
import { HH_CATALOGUE, languageIdOfName, languageName, roleName } from './catalogue';

describe('hh catalogue (what the options page offers)', () => {
  it('has every role the role model knows, each in at least one category, ids only once per category', () => {
    const listed = new Set(HH_CATALOGUE.categories.flatMap((c) => c.roles));
    for (const r of roleModel.roles) {
      expect(roleName(r.id)).toBe(r.name);
      expect(listed.has(r.id)).toBe(true);
    }
    for (const c of HH_CATALOGUE.categories) expect(new Set(c.roles).size).toBe(c.roles.length);
    expect(Object.keys(HH_CATALOGUE.roles).length).toBeGreaterThanOrEqual(170);
  });

  it('licences and levels are the ones the profile accepts', () => {
    expect(HH_CATALOGUE.licences).toEqual([...DRIVER_LICENCES]);
    expect(HH_CATALOGUE.levels.map((l) => l.id)).toEqual([...LANGUAGE_LEVELS]);
  });

  it('names languages in the UI language and reads names back to hh ids', () => {
    expect(languageName('eng', 'en')).toBe('English');
    expect(languageName('deu', 'ru')).toBe('немецкий');
    expect(languageIdOfName('Английский')).toBe('eng');
    expect(languageIdOfName('German')).toBe('deu');
    expect(languageIdOfName('Клингонский')).toBeNull();
  });
});

describeWithShared('hh catalogue artefact', () => {
  it('is what scripts/build-hh-catalogue.ts builds from ../shared/data (run it after the data changes)', () => {
    if (!hasSharedFile('data/hh_professional_roles_2024-12.json')) return;
    expect(`${JSON.stringify(buildCatalogue())}\n` === readFileSync(CATALOGUE_FILE, 'utf8')).toBe(true);
  });
});
