import { describe, expect, it } from 'vitest';
import { compoundReader } from './compounds';

describe('compound abbreviations read in the user’s words', () => {
  it('spells out a compound the user’s title spells out ("технадзор", "стройконтроль", "главбух")', () => {
    expect(compoundReader(['Инженер технического надзора'])('Инженер технадзора (общестрой)')).toBe(
      'Инженер технического надзора (общестрой)',
    );
    expect(compoundReader(['Ведущий инженер строительного контроля'])('Инженер стройконтроля')).toBe(
      'Инженер строительного контроля',
    );
    expect(compoundReader(['Главный бухгалтер'])('Главбух')).toBe('главный бухгалтер');
    expect(compoundReader(['Заведующий складом'])('Завскладом')).toBe('заведующий складом');
  });

  it('joins two words the user’s title writes as one compound ("медицинская сестра" for "медсестра")', () => {
    expect(compoundReader(['Процедурная медсестра'])('Медицинская сестра процедурного кабинета')).toBe(
      'медсестра процедурного кабинета',
    );
    expect(compoundReader(['Специалист по госзакупкам'])('Специалист по государственным закупкам')).toBe(
      'Специалист по госзакупкам',
    );
  });

  it('leaves a title alone where the user writes the compound both ways, or nothing is a compound', () => {
    const nurse = compoundReader(['Медицинская сестра', 'Процедурная медсестра']);
    expect(nurse('Медицинская сестра офтальмологического кабинета')).toBe(
      'Медицинская сестра офтальмологического кабинета',
    );
    expect(nurse('Медсестра стерилизационная')).toBe('Медсестра стерилизационная');
    const seller = compoundReader(['Продавец-консультант', 'Менеджер по продажам']);
    for (const t of ['Программист 1С', 'Менеджер по продажам B2B', 'Продавец консультант', 'Sales manager'])
      expect(seller(t)).toBe(t);
    // A word that only starts like the adjective is no clip of it: "техник" is not "технический".
    expect(compoundReader(['Инженер технического надзора'])('Техник-надзорщик')).toBe('Техник-надзорщик');
  });
});
