import { describe, expect, it } from 'vitest';
import { importSettings } from '../settings/transfer';
import { importErrorText } from './import-error';

const errorOf = (text: string) => {
  const r = importSettings(text);
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
};

describe('importErrorText', () => {
  it('says the real refusals of importSettings in Russian, keeping the detail', () => {
    expect(importErrorText(errorOf('{not json'), 'ru')).toMatch(/^Файл — не JSON: /);
    expect(importErrorText(errorOf('{"app":"other"}'), 'ru')).toMatch(/^Это не файл настроек Otklik: app/);
    expect(importErrorText(errorOf('{"app":"otklik","kind":"settings","version":999,"settings":{}}'), 'ru')).toBe(
      'Файл из более новой версии Otklik — сначала обновите расширение.',
    );
    const bad = errorOf('{"app":"otklik","kind":"settings","version":3,"settings":{"triage":{"action":"explode"}}}');
    expect(importErrorText(bad, 'ru')).toMatch(/^Неверные настройки: triage\.action/);
    expect(importErrorText(bad, 'en')).toBe(bad);
  });

  it('passes an unknown message through', () => {
    expect(importErrorText('disk on fire', 'ru')).toBe('disk on fire');
  });
});
