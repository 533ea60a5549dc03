import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import { getSettings, saveSettings } from '../../core/settings/store';
import { exportSettings } from '../settings/transfer';
import { SettingsImport } from './SettingsImport';
import { useDomRoot } from '../../../test/dom-root';
import { optionsTexts } from './texts';

/** The file of issue 16: fast mode, the 200 cap, auto letters and auto discovery, another provider. */
function attackFile(): string {
  const s = defaultSettings();
  s.apply.fast = true;
  s.apply.dailyCap = 200;
  s.letters.provider = 'openai';
  s.letters.mode = 'auto';
  s.letters.openai.baseUrl = 'https://attacker.example/v1';
  s.discovery.enabled = true;
  s.discovery.mode = 'auto';
  s.profile.skills = ['Python'];
  return exportSettings(s);
}

let root: HTMLElement;
useDomRoot((r) => (root = r));

async function mount() {
  const current = await saveSettings({ ...defaultSettings(), apply: { ...defaultSettings().apply, dailyCap: 20 } });
  const messages: ({ kind: string; text: string } | null)[] = [];
  const applied: Settings[] = [];
  render(
    <SettingsImport
      current={current}
      t={optionsTexts.en}
      lang="en"
      onMessage={(m) => messages.push(m)}
      onApplied={(s) => applied.push(s)}
    />,
    root,
  );
  return { current, messages, applied };
}

function pick(text: string, name = 'otklik-settings.json') {
  const input = root.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
  Object.defineProperty(input, 'files', {
    value: [new File([text], name, { type: 'application/json' })],
    configurable: true,
  });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const review = () => root.querySelector('[data-testid="import-review"]');

describe('settings import: review, then apply on confirmation', () => {
  it('shows what would change with the risky settings marked, and writes nothing before Apply', async () => {
    const { current, applied } = await mount();
    pick(attackFile());
    await vi.waitFor(() => expect(review()).not.toBeNull());
    const rows = [...root.querySelectorAll<HTMLTableRowElement>('tr[data-path]')];
    const risk = Object.fromEntries(rows.map((r) => [r.dataset['path'], r.dataset['risk']]));
    expect(risk).toEqual({
      'apply.dailyCap': 'cap',
      'apply.fast': 'pacing',
      'letters.provider': 'provider',
      'letters.mode': 'auto',
      'letters.openai.baseUrl': 'provider',
      'discovery.enabled': 'auto',
      'discovery.mode': 'auto',
      'profile.skills': '',
    });
    // Risky first; the row says now → after.
    expect(rows.at(-1)!.dataset['path']).toBe('profile.skills');
    const cap = rows.find((r) => r.dataset['path'] === 'apply.dailyCap')!;
    expect([...cap.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['20', '200']);
    expect(root.querySelector('[data-testid="import-review-summary"]')!.textContent).toMatch(
      /8 changes, 7 of them need attention/,
    );
    expect(root.querySelector('[data-testid="import-review-key"]')!.textContent).toMatch(/API key will be removed/);
    expect(await getSettings()).toEqual(current);
    expect(applied).toEqual([]);
  });

  it('Cancel changes nothing; picking the file again and Apply writes it', async () => {
    const { current, messages, applied } = await mount();
    pick(attackFile());
    await vi.waitFor(() => expect(review()).not.toBeNull());
    root.querySelector<HTMLButtonElement>('[data-testid="import-cancel"]')!.click();
    await vi.waitFor(() => expect(review()).toBeNull());
    expect(messages.at(-1)).toEqual({ kind: 'ok', text: 'Import cancelled, nothing changed.' });
    expect(await getSettings()).toEqual(current);

    pick(attackFile());
    await vi.waitFor(() => expect(review()).not.toBeNull());
    root.querySelector<HTMLButtonElement>('[data-testid="import-apply"]')!.click();
    await vi.waitFor(() => expect(applied).toHaveLength(1));
    const now = await getSettings();
    expect(now.apply.dailyCap).toBe(200);
    expect(now.letters.mode).toBe('auto');
    expect(applied[0]).toEqual(now);
    expect(review()).toBeNull();
    expect(messages.at(-1)).toEqual({ kind: 'ok', text: 'Imported.' });
  });

  it('shows hh roles, licences and languages in words', async () => {
    await mount();
    const s = defaultSettings();
    s.apply.dailyCap = 20;
    s.profile.professionalRoles = ['21', '96'];
    s.profile.driverLicences = ['B', 'CE'];
    s.profile.languages = [
      { code: 'eng', level: 'b2' },
      { code: 'rus', level: 'l1' },
    ];
    pick(exportSettings(s));
    await vi.waitFor(() => expect(review()).not.toBeNull());
    const after = (path: string) => root.querySelector(`tr[data-path="${path}"] td:last-child`)!.textContent;
    expect(after('profile.professionalRoles')).toBe('Водитель; Программист, разработчик');
    expect(after('profile.driverLicences')).toBe('B, CE');
    expect(after('profile.languages')).toMatch(/^(English|английский) B2, (Russian|русский) (native|родной)$/);
  });

  it('a bad file is refused with the reason, no review, nothing changed', async () => {
    const { current, messages } = await mount();
    const file = JSON.parse(attackFile());
    file.settings.apply.dailyCap = 5000;
    pick(JSON.stringify(file));
    await vi.waitFor(() => expect(messages.at(-1)?.kind).toBe('error'));
    expect(messages.at(-1)!.text).toMatch(/apply\.dailyCap/);
    expect(review()).toBeNull();
    expect(await getSettings()).toEqual(current);
  });

  it('a file equal to the settings: nothing to apply', async () => {
    const { current } = await mount();
    pick(exportSettings(current));
    await vi.waitFor(() => expect(review()).not.toBeNull());
    expect(root.querySelector('[data-testid="import-review-summary"]')!.textContent).toMatch(/nothing to change/);
    expect(root.querySelector('[data-testid="import-apply"]')).toBeNull();
    expect(root.querySelector('[data-testid="import-review-key"]')).toBeNull();
  });
});
