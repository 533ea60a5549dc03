import { render } from 'preact';
import { useState } from 'preact/hooks';
import { describe, expect, it } from 'vitest';
import { useDomRoot } from '../../../test/dom-root';
import { HH_CATALOGUE } from '../../core/hh/catalogue';
import { LanguagePicker, LicencePicker } from './LicenceLanguages';
import { filterRoles, RolePicker } from './RolePicker';
import { optionsTexts } from './texts';

const t = optionsTexts.ru;
let root: HTMLElement;
useDomRoot((r) => (root = r));
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('filterRoles', () => {
  it('finds roles by the start of any word of the name (not inside: руковоДИТель), ё-insensitive, grouped by hh category, picked ones left out', () => {
    const g = filterRoles('водит', []);
    expect(g.map((x) => x.name)).toEqual([
      'Домашний, обслуживающий персонал',
      'Рабочий персонал',
      'Транспорт, логистика, перевозки',
    ]);
    expect(g.flatMap((x) => x.roles.map((r) => r.id))).toEqual(['21', '21', '21']);
    expect(filterRoles('водит', ['21'])).toEqual([]);
    expect(filterRoles('контролер отк', []).flatMap((x) => x.roles.map((r) => r.id))).toEqual(['149']);
  });

  it('with no query lists the whole catalogue; words may name the category', () => {
    expect(filterRoles('', []).reduce((n, g) => n + g.roles.length, 0)).toBe(
      HH_CATALOGUE.categories.reduce((n, c) => n + c.roles.length, 0),
    );
    expect(filterRoles('юристы', []).flatMap((x) => x.roles.map((r) => r.id))).toEqual(['166', '158', '145', '146']);
  });
});

function Harness({ start }: { start: string[] }) {
  const [v, setV] = useState(start);
  return (
    <>
      <RolePicker value={v} onChange={setV} t={t} />
      <output data-testid="value">{v.join(',')}</output>
    </>
  );
}

describe('RolePicker', () => {
  const value = () => root.querySelector('[data-testid="value"]')!.textContent;
  const input = () => root.querySelector<HTMLInputElement>('input[name="roleSearch"]')!;
  const key = (k: string) => input().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  const type = (s: string) => {
    input().value = s;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('is used by keyboard: type, ↓ to the next match, Enter picks; Backspace in an empty box removes the last chip', async () => {
    render(<Harness start={['96']} />, root);
    expect(root.querySelector('.op-chip')!.textContent).toContain('Программист, разработчик');
    input().focus();
    input().dispatchEvent(new FocusEvent('focus'));
    type('бухгалтер');
    await tick();
    const opts = [...root.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('data-role'));
    expect(opts).toEqual(['18']);
    type('менеджер по');
    await tick();
    const ids = [...root.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('data-role'));
    key('ArrowDown');
    await tick();
    expect(input().getAttribute('aria-activedescendant')).toBe('role-opt-1');
    key('Enter');
    await tick();
    expect(value()).toBe(`96,${ids[1]}`);
    expect(input().value).toBe('');
    key('Backspace');
    await tick();
    expect(value()).toBe('96');
    key('Escape');
    await tick();
    expect(root.querySelector('[role="listbox"]')).toBeNull();
  });

  it('a chip’s × removes that role', async () => {
    render(<Harness start={['96', '21']} />, root);
    root.querySelector<HTMLButtonElement>('[data-role="96"] button')!.click();
    await tick();
    expect(value()).toBe('21');
  });
});

describe('LicencePicker and LanguagePicker', () => {
  it('licences stay in hh’s order; languages get a level and can be removed', async () => {
    let lic: string[] = [];
    let langs: { code: string; level: string }[] = [];
    render(<LicencePicker value={['C']} onChange={(v) => (lic = v)} t={t} />, root);
    root.querySelector<HTMLInputElement>('input[name="licence-B"]')!.click();
    expect(lic).toEqual(['B', 'C']);
    render(
      <LanguagePicker value={[{ code: 'eng', level: 'b2' }]} onChange={(v) => (langs = v)} t={t} lang="ru" />,
      root,
    );
    await tick();
    expect(root.querySelector('[data-lang="eng"] .op-langs__name')!.textContent).toBe('Английский');
    const level = root.querySelector<HTMLSelectElement>('select[name="level-eng"]')!;
    level.value = 'c1';
    level.dispatchEvent(new Event('change', { bubbles: true }));
    expect(langs).toEqual([{ code: 'eng', level: 'c1' }]);
    const add = root.querySelector<HTMLSelectElement>('select[name="languageAdd"]')!;
    add.value = 'deu';
    add.dispatchEvent(new Event('change', { bubbles: true }));
    expect(langs).toEqual([
      { code: 'eng', level: 'b2' },
      { code: 'deu', level: 'b1' },
    ]);
  });

  it('Russian level names are hh’s own', () => {
    for (const l of HH_CATALOGUE.levels) expect(t.levelNames[l.id]).toBe(l.name);
  });
});
