import { describe, expect, it } from 'vitest';
import { titleHeads } from './analyze';

const heads = (t: string) => titleHeads(t).map((h) => h.c);

describe('title heads (what the job is, not what it is about)', () => {
  it.each([
    ['Сервисный механик', ['механик']],
    ['Механик по ремонту автомобилей', ['механик']],
    ['Руководитель отдела продаж', ['^head']],
    // The head nouns of one post are one head; a head's participle is a noun here.
    ['Начальник отдела продаж', ['^head']],
    ['Заведующий складом', ['^head']],
    ['Управляющая магазином', ['^head']],
    ['Директор магазина', ['^директор']],
    ['Менеджер по продажам (B2B)', ['manager', 'продаж']],
    ['Ведущий менеджер по продажам', ['manager', 'продаж']],
    ['Инженер-конструктор 2 категории', ['engineer', 'конструктор']],
    ['Python-разработчик', ['developer']],
    ['Senior Java Developer', ['developer']],
    ['Главный бухгалтер', ['accountant']],
    ['Медицинская сестра палатная', ['сестр']],
    ['Оператор производственной линии', ['operator', 'лин']],
  ])('%s → %j', (title, want) => expect(heads(title)).toEqual(want));
});
