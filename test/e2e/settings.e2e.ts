/**
 * Settings that protect the user (issue 16), in the real browser: an imported file changes nothing until the
 * user has seen the diff and pressed Apply; a bad stored field is named on the options page and not written
 * back; a provider URL over plain http to another machine is refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from './browser';
import { pythonJuniorSettings } from './profiles';
import { SETTINGS_VERSION } from '../../lib/core/settings/version';

describe('settings: import review, fallbacks, provider URL (en)', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'otklik-import-'));
    fake = await startFakeHh({ port: 0, quiet: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port, locale: 'en-US' });
    await setSettings(await browser.worker(), pythonJuniorSettings());
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const stored = async () =>
    (await browser.worker()).evaluate(
      async () => (await chrome.storage.local.get('settings'))['settings'] as Record<string, Record<string, unknown>>,
    );

  async function openOptions(): Promise<Page> {
    const options = await browser.extensionPage('options.html');
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.locator('[data-testid="options"]').waitFor();
    return options;
  }

  it('an imported file changes nothing until Apply; Cancel changes nothing', async () => {
    const before = await stored();
    const s = pythonJuniorSettings() as unknown as Record<string, Record<string, unknown>>;
    const file = join(dir, 'otklik-settings.json');
    writeFileSync(
      file,
      JSON.stringify({
        app: 'otklik',
        kind: 'settings',
        version: SETTINGS_VERSION,
        settings: {
          ...s,
          apply: { ...s['apply'], fast: true, dailyCap: 200 },
          letters: {
            ...s['letters'],
            provider: 'openai',
            mode: 'auto',
            openai: { baseUrl: 'https://attacker.example/v1', model: 'x', authScheme: 'Bearer' },
          },
          discovery: { ...s['discovery'], enabled: true, mode: 'auto' },
        },
      }),
    );
    const options = await openOptions();
    await options.getByTestId('import-file').setInputFiles(file);
    const review = options.getByTestId('import-review');
    await review.waitFor();
    await expect.poll(() => review.locator('tr[data-risk="cap"]').getAttribute('data-path')).toBe('apply.dailyCap');
    for (const path of [
      'apply.fast',
      'letters.mode',
      'letters.openai.baseUrl',
      'discovery.enabled',
      'discovery.mode',
    ]) {
      await expect.poll(() => review.locator(`tr[data-path="${path}"]`).getAttribute('data-risk')).not.toBe('');
    }
    await expect.poll(() => options.getByTestId('import-review-key').textContent()).toMatch(/API key will be removed/);
    await browser.screenshot(options, 'settings-import-review-en');
    // Shown, not applied.
    await expect.poll(() => stored()).toEqual(before);

    await options.getByTestId('import-cancel').click();
    await review.waitFor({ state: 'detached' });
    await expect.poll(() => options.getByTestId('options-message').textContent()).toContain('nothing changed');
    await expect.poll(() => stored()).toEqual(before);

    await options.getByTestId('import-file').setInputFiles(file);
    await review.waitFor();
    await options.getByTestId('import-apply').click();
    await expect.poll(async () => (await stored())['apply']!['dailyCap']).toBe(200);
    expect((await stored())['letters']!['mode']).toBe('auto');
    await expect.poll(() => options.getByTestId('options-message').textContent()).toContain('Imported');
    await options.close();
  });

  it('a bad stored field is named on the page and not written back until the user accepts the defaults', async () => {
    const s = pythonJuniorSettings() as unknown as Record<string, Record<string, unknown>>;
    const bad = {
      ...s,
      apply: { ...s['apply'], dailyCap: 'twenty' },
      triage: { ...s['triage'], action: 'blur' },
      fromTheFuture: { x: 1 },
    };
    await (
      await browser.worker()
    ).evaluate(async ({ v, m }) => chrome.storage.local.set({ settings: v, settings$: { v: m } }), {
      v: bad,
      m: SETTINGS_VERSION,
    });
    const options = await openOptions();
    const notice = options.getByTestId('settings-fallbacks');
    await notice.waitFor();
    await expect
      .poll(() => notice.locator('li').evaluateAll((li) => li.map((x) => x.getAttribute('data-path'))))
      .toEqual(['apply.dailyCap', 'triage.action']);
    // The rest of the profile is there.
    await expect.poll(() => options.locator('textarea[name="titles"]').inputValue()).not.toBe('');
    await expect.poll(() => stored()).toEqual(bad);
    await browser.screenshot(options, 'settings-fallbacks-en');

    await options.getByTestId('accept-fallbacks').click();
    await notice.waitFor({ state: 'detached' });
    const after = await stored();
    expect(after['apply']!['dailyCap']).toBe(50);
    expect(after['triage']!['action']).toBe('hide');
    expect(after['fromTheFuture']).toEqual({ x: 1 });
    expect(after['profile']).toEqual(s['profile']);
    await options.close();
  });

  it('a provider URL over plain http to another machine is refused under the field', async () => {
    const options = await openOptions();
    await options.getByTestId('letters-provider-openai').check();
    await options.getByTestId('letters-base-url').waitFor();
    const before = await stored();
    await options.getByTestId('letters-base-url').fill('http://attacker.example/v1');
    await options.getByTestId('letters-base-url').press('Tab');
    await expect
      .poll(() => options.getByTestId('letters-url-error').textContent())
      .toMatch(/not allowed: use an https/);
    expect((await stored())['letters']).toEqual(before['letters']);
    await options.getByTestId('letters-base-url').fill('http://localhost:11434/v1');
    await options.getByTestId('letters-base-url').press('Tab');
    await expect
      .poll(async () => ((await stored())['letters']!['openai'] as { baseUrl: string }).baseUrl)
      .toBe('http://localhost:11434/v1');
    await expect.poll(() => options.getByTestId('letters-url-error').count()).toBe(0);
    await options.close();
  });
});
