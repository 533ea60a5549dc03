/**
 * Auto-discovery from the user's side, against the fake hh.ru: "Check now" in the popup walks the fake's
 * similar-to-resume list page by page (paced, up to the page cap), suggests exactly what the round's logic
 * picks, stops at the first page with nothing new next time, queues from a suggestion, queues by itself in
 * auto mode, pauses on a captcha, and tells the user through a fake Telegram Bot API on loopback.
 */
import 'fake-indexeddb/auto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtklikDb } from '../../lib/worker/db/db';
import { runRound } from '../../lib/worker/discovery/round';
import { listSuggestions } from '../../lib/worker/discovery/store';
import { defaultSettings, type Settings } from '../../lib/core/settings/schema';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { fetchFromFake } from '../fake-hh/node-fetch';
import { FAKE_TELEGRAM_CHAT, FAKE_TELEGRAM_TOKEN, startFakeTelegram, type FakeTelegram } from '../fake-telegram/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from './browser';
import { secretIn } from './secrets';
import { itWithRealVacancies } from '../shared-fixtures';

const PACING = { minSeconds: 0.5, maxSeconds: 0.8 };

function frontendSettings(resumeHash: string): Settings {
  const s = defaultSettings();
  s.profile.desiredTitles = ['Frontend-разработчик'];
  s.profile.skills = ['TypeScript', 'React', 'JavaScript', 'CSS'];
  s.apply.fast = true;
  s.discovery = {
    ...s.discovery,
    enabled: true,
    mode: 'suggest',
    resumeHash,
    profileQuery: false,
    maxPagesPerRound: 3,
    maxFullTextPerRound: 3,
    threshold: 0.6,
    pacing: PACING,
  };
  s.notify.telegram = {
    enabled: true,
    chatId: FAKE_TELEGRAM_CHAT,
    kinds: { strongMatches: true, queuePaused: true, invitations: true },
  };
  return s;
}

/** What a round picks with these settings, computed in Node by the same code against the same fake. */
async function expectedSuggestions(fake: FakeHh, s: Settings): Promise<string[]> {
  const db = new OtklikDb(`otklik-e2e-expected-${Date.now()}`);
  try {
    await runRound(
      {
        db,
        now: Date.now,
        random: Math.random,
        sleep: async () => undefined,
        fetchPage: (u) => fetchFromFake(fake, u),
        resumeHash: async (x) => x.discovery.resumeHash,
        enqueue: async () => ({ state: 'pending' }),
        notify: async () => undefined,
        lang: 'ru',
      },
      s,
    );
    return (await listSuggestions(db, 500)).map((x) => x.id).sort();
  } finally {
    await db.delete();
  }
}

describe('auto-discovery', () => {
  let fake: FakeHh;
  let tg: FakeTelegram;
  let browser: ExtensionBrowser;
  let popup: Page;
  let settings: Settings;

  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true });
    tg = await startFakeTelegram({ tls: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port, extraHosts: { 'api.telegram.org': tg.port } });
    settings = frontendSettings(fake.resumes[0]!.hash);
    const worker = await browser.worker();
    await setSettings(worker, settings);
    // Where an older version kept the token: the worker moves it to IndexedDB (lib/core/notify/token.ts).
    await worker.evaluate((token) => chrome.storage.local.set({ telegramToken: token }), FAKE_TELEGRAM_TOKEN);
    const page = await browser.newPage(); // a visit logs the fake user in (session cookies for the worker's fetches)
    await page.goto('https://hh.ru/');
    await page.close();
    popup = await browser.extensionPage('popup.html#found');
    await popup.setViewportSize({ width: 380, height: 900 });
  });
  afterAll(async () => {
    await browser?.close();
    await tg?.close();
    await fake?.close();
  });

  const searchRequests = () =>
    fake.requests.filter((r) => r.path === '/search/vacancy' || r.path.startsWith('/vacancy/'));
  const runNow = async () => {
    const before = await popup.locator('[data-testid="discovery-last"]').textContent();
    await popup.locator('[data-testid="discovery-run"]').click();
    await expect
      .poll(() => popup.locator('[data-testid="discovery-last"]').textContent(), { timeout: 60_000 })
      .not.toBe(before);
  };
  /** Vacancy ids the extension's database remembers with this verdict (read in the popup, the extension origin). */
  const seenWith = (verdict: string | null) =>
    popup.evaluate(
      (v) =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('otklik');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const req = open.result.transaction('seen').objectStore('seen').getAll();
            req.onsuccess = () => {
              resolve(
                (req.result as { id: string; verdict: string }[])
                  .filter((r) => v === null || r.verdict === v)
                  .map((r) => r.id)
                  .sort(),
              );
              open.result.close();
            };
          };
        }),
      verdict,
    );
  const shownIds = () =>
    popup
      .locator('[data-testid="suggestions"] li[data-vacancy-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-vacancy-id')!));

  itWithRealVacancies(
    'suggests what the round picks from the similar-to-resume pages, paced, up to the page cap, and tells Telegram',
    async () => {
      const expected = await expectedSuggestions(fake, settings);
      expect(expected.length).toBeGreaterThan(3);
      fake.reset();
      await runNow();
      const reqs = searchRequests();
      const pages = reqs.filter((r) => r.path === '/search/vacancy');
      expect(pages.map((r) => [r.query['resume'], r.query['page'] ?? '0'])).toEqual(
        [0, 1, 2].map((p) => [fake.resumes[0]!.hash, String(p)]),
      );
      expect(reqs.filter((r) => r.path.startsWith('/vacancy/')).length).toBe(3);
      for (let i = 1; i < reqs.length; i++)
        expect(reqs[i]!.time - reqs[i - 1]!.time).toBeGreaterThanOrEqual(PACING.minSeconds * 1000 - 20);

      await expect
        .poll(() => popup.locator('[data-testid="suggestions"] li[data-vacancy-id]').count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      if (await popup.locator('[data-testid="sugg-more"]').count())
        await popup.locator('[data-testid="sugg-more"]').click();
      await expect.poll(async () => (await shownIds()).sort(), { timeout: 10_000 }).toEqual(expected);
      const scores = await popup.locator('[data-testid="sugg-score"]').allTextContents();
      for (const sc of scores) expect(Number(sc)).toBeGreaterThanOrEqual(60);
      await browser.screenshot(popup, 'discovery-suggestions');

      await expect.poll(() => tg.messages.length, { timeout: 10_000 }).toBe(1);
      expect(tg.messages[0]!.chatId).toBe(FAKE_TELEGRAM_CHAT);
      expect(tg.messages[0]!.text).toMatch(/^Otklik: \d+/);
      expect(fake.applications).toHaveLength(0); // suggest mode never applies by itself
    },
  );

  itWithRealVacancies('the next round looks at page 0 only: nothing new there, so it stops', async () => {
    fake.reset();
    tg.reset();
    await runNow();
    expect(searchRequests().map((r) => [r.path, r.query['page'] ?? '0'])).toEqual([['/search/vacancy', '0']]);
    expect(tg.messages).toHaveLength(0);
  });

  itWithRealVacancies('queue from a suggestion applies once; dismiss takes one off the list', async () => {
    // A vacancy hh lets through without a person (no questions, no required letter) is applied by itself.
    const plain = new Set(fake.vacancyKinds().normal.map(String));
    const shown = await shownIds();
    const first = shown.find((id) => plain.has(id));
    const second = shown.find((id) => id !== first);
    expect(first, 'a plain vacancy among the suggestions').toBeDefined();
    await popup.locator(`li[data-vacancy-id="${first}"] [data-testid="sugg-queue"]`).click();
    await expect
      .poll(() => fake.applications.filter((a) => String(a.vacancyId) === first).length, { timeout: 30_000 })
      .toBe(1);
    await popup.locator(`li[data-vacancy-id="${second}"] [data-testid="sugg-dismiss"]`).click();
    await expect.poll(async () => (await shownIds()).filter((x) => x === first || x === second)).toEqual([]);
    expect(fake.applications).toHaveLength(1);
  });

  itWithRealVacancies('auto mode queues strong matches of a saved search by itself, each applied once', async () => {
    const s: Settings = {
      ...settings,
      discovery: {
        ...settings.discovery,
        mode: 'auto',
        similar: false,
        searches: [{ name: 'vue', query: 'text=vue', enabled: true }],
        maxPagesPerRound: 1,
        maxFullTextPerRound: 0,
      },
    };
    // What earlier rounds already looked at (the similar list overlaps this search) is skipped.
    const before = new Set(await seenWith(null));
    const expected = (await expectedSuggestions(fake, { ...s, discovery: { ...s.discovery, mode: 'suggest' } })).filter(
      (id) => !before.has(id),
    );
    expect(expected.length).toBeGreaterThan(0);
    fake.reset();
    await setSettings(await browser.worker(), s);
    await runNow();
    // Every strong match became a job; those hh lets through without a person (no questions, no required
    // letter, not archived or external) are applied, once each, and nothing else is.
    await expect
      .poll(async () => (await seenWith('queued')).filter((id) => !before.has(id)), { timeout: 30_000 })
      .toEqual(expected);
    const plain = new Set(fake.vacancyKinds().normal.map(String));
    const auto = expected.filter((id) => plain.has(id));
    expect(auto.length).toBeGreaterThan(0);
    await expect
      .poll(() => fake.applications.map((a) => String(a.vacancyId)).sort(), { timeout: 60_000 })
      .toEqual(auto);
    await expect.poll(() => shownIds()).not.toContain(expected[0]);
  });

  it('a captcha pauses discovery (the popup says so) until the user resumes', async () => {
    fake.behave({ captcha: true, scope: 'all' });
    await setSettings(await browser.worker(), {
      ...settings,
      discovery: {
        ...settings.discovery,
        similar: false,
        searches: [{ name: 'react', query: 'text=react', enabled: true }],
      },
    });
    await popup.locator('[data-testid="discovery-run"]').click();
    await popup.locator('[data-testid="discovery-paused"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => popup.locator('[data-testid="discovery-paused"]').textContent()).toMatch(/капч/);
    await expect.poll(() => tg.messages.some((m) => /паузе|paused/.test(m.text)), { timeout: 10_000 }).toBe(true);
    fake.reset();
    await popup.locator('[data-testid="discovery-resume"]').click();
    await popup.locator('[data-testid="discovery-paused"]').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('options: saved searches are validated and saved; notification choices saved; the bot token kept apart', async () => {
    tg.reset();
    const options = await browser.extensionPage('options.html');
    const sec = options.locator('[data-testid="discovery-settings"]');
    await sec.waitFor();
    await sec
      .locator('[data-testid="disc-searches"]')
      .fill('Remote React | https://hh.ru/search/vacancy?text=react&work_format=REMOTE\n# off | text=vue');
    // No Save button: each change is saved by itself once typing stops, when it passes the section's checks.
    await sec.locator('[data-testid="disc-pacingMin"]').fill('30');
    await sec.locator('.otk-error').first().waitFor(); // 30 s is above the 20 s cap and above the maximum: nothing saved
    await sec.locator('[data-testid="disc-pacingMin"]').fill('2');
    await sec.locator('[data-testid="disc-pacingMax"]').fill('6');
    const worker = await browser.worker();
    await expect
      .poll(
        () =>
          worker.evaluate(
            async () => ((await chrome.storage.local.get('settings'))['settings'] as Settings).discovery.searches,
          ),
        { timeout: 10_000 },
      )
      .toEqual([
        { name: 'Remote React', query: 'https://hh.ru/search/vacancy?text=react&work_format=REMOTE', enabled: true },
        { name: 'off', query: 'text=vue', enabled: false },
      ]);

    // Notifications: the bot token is kept apart from the settings (never exported). Enabling Telegram asks for
    // the api.telegram.org host permission, a browser dialog headless Chromium leaves open, so the sending
    // itself is covered above (strong matches, pause) and by the worker's telegramTest handler tests.
    const n = options.locator('[data-testid="notify-settings"]');
    await n.locator('[data-testid="notify-browser-strongMatches"]').uncheck();
    await n.locator('[data-testid="tg-enabled"]').uncheck();
    await expect
      .poll(
        () =>
          worker.evaluate(
            async () =>
              ((await chrome.storage.local.get('settings'))['settings'] as Settings).notify.browser.strongMatches,
          ),
        { timeout: 10_000 },
      )
      .toBe(false);
    await n.locator('[data-testid="tg-enabled"]').check();
    await n.locator('[data-testid="tg-token"]').fill(FAKE_TELEGRAM_TOKEN);
    await n.locator('[data-testid="notify-save"]').click();
    // The worker's Telegram test (what "send test message" asks for) from the options page reaches the fake Bot API.
    const test = await options.evaluate(
      () =>
        new Promise((res) =>
          chrome.runtime.sendMessage({ otklik: 1, type: 'telegramTest', payload: {} }, (r) => res(r)),
        ),
    );
    expect(test).toEqual({ ok: true, data: { ok: true, bot: 'otklik_test_bot' } });
    expect(tg.messages.map((m) => m.chatId)).toEqual([FAKE_TELEGRAM_CHAT]);
    // Kept in the extension's IndexedDB, nowhere a content script can read (storage.local: settings or not).
    await expect.poll(() => secretIn(worker, 'telegramToken'), { timeout: 10_000 }).toBe(FAKE_TELEGRAM_TOKEN);
    await expect
      .poll(() => worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null))))
      .not.toContain(FAKE_TELEGRAM_TOKEN.split(':')[1]!);
    await browser.screenshot(options, 'discovery-options');
    await options.close();
  });
});
