/**
 * The hostile page (issue 16): scripts running in the fake hh.ru's pages (FakeHh.pageScript, ./hostile-script.ts)
 * try every Otklik control — synthetic clicks, pointer and key events on the badges, the bar, "queue all" and
 * the vacancy panel, twice (past a confirmation), the content scripts' "started" events under every name a
 * page can compute — and read everything a page can read. Nothing may happen (no job, no application, no
 * letter, no setting changed, triage not stopped) and nothing may leak (no reason text, no profile string in
 * page-readable DOM). A content-script context (Otklik's isolated world, reached over DevTools) may not send
 * the privileged messages nor read a secret.
 *
 * The checks are soft (every broken guard is reported, not just the first) and were shown to bite: against a
 * build without the guards (open roots, no isTrusted check, no sender policy, secrets in storage.local, WXT's
 * computable started-event name) this suite fails on each of them (lib/core/messaging/README.md, "The page boundary").
 */
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/core/settings/schema';
import { startFakeHh, type FakeHh } from '../fake-hh/server';
import { launchExtensionBrowser, setSettings, type ExtensionBrowser } from './browser';
import { closedRoots } from './closed-root';
import { inContentWorld } from './content-world';
import { hostileScript, type AttackReport } from './hostile-script';
import { pythonJuniorSettings } from './profiles';
import { secretIn } from './secrets';

const SEARCH = 'https://hh.ru/search/vacancy?text=python';
const CARD = '[data-qa="vacancy-serp__vacancy"]';
const BADGES = `${CARD} [data-otk-badge]`;
const PANEL = '[data-otk-vacancy-panel]';
/** A string only the profile holds: it must never reach the page. */
const CANARY = 'KANAREYKA-7731 пет-проект';
const API_KEY = 'sk-hostile-canary-0000-9876';
const BOT_TOKEN = '123456789:AAHhostileCanaryTokenForTests_xyz';

function settings(): Settings {
  const s = pythonJuniorSettings();
  s.apply.fast = true; // were anything queued, it would be sent at once: the test would see it
  s.profile.resumeText = `${s.profile.resumeText} ${CANARY}`;
  return s;
}

describe('hostile page: nothing a page script does makes Otklik act or leak', () => {
  let fake: FakeHh;
  let browser: ExtensionBrowser;
  let worker: Worker;
  let popup: Page;

  /** A message from an extension page (the popup): what the user's own UI may do. */
  const fromPopup = <T>(type: string, payload: unknown) =>
    popup.evaluate(([t, p]) => chrome.runtime.sendMessage({ otklik: 1, type: t, payload: p }), [
      type,
      payload,
    ] as const) as Promise<{ ok: boolean; data?: T; error?: string }>;
  const storedSettings = () =>
    worker.evaluate(async () => JSON.stringify((await chrome.storage.local.get('settings'))['settings']));
  const jobs = async () => (await fromPopup<{ jobs: unknown[] }>('listJobs', {})).data?.jobs ?? null;
  const attack = (page: Page) =>
    page.evaluate(() => (window as unknown as { __otkAttack: () => AttackReport }).__otkAttack());
  /** Everything the page reads, and the same page without Otklik's hosts (what hh itself shows). */
  const pageView = (page: Page) =>
    page.evaluate(() => {
      const all = (window as unknown as { __otkDump: () => string }).__otkDump();
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      for (const h of clone.querySelectorAll('[data-otk-badge],[data-otk-bar],[data-otk-vacancy-panel]')) h.remove();
      return { all, hh: clone.outerHTML };
    });
  /** No reason text (composed by Otklik from the profile) readable by the page, unless hh's own page has it. */
  function expectNoLeak(view: { all: string; hh: string }, secrets: string[]) {
    const sensitive = [...new Set(secrets.map((s) => s.trim()).filter((s) => s.length >= 4 && !view.hh.includes(s)))];
    expect(sensitive.length, 'reason texts to look for').toBeGreaterThan(2);
    for (const s of sensitive) expect.soft(view.all.includes(s), `page can read: ${s}`).toBe(false);
    expect.soft(view.all).not.toContain(CANARY);
  }
  /** Lets anything an attack might have started reach the worker and hh (a negative check needs a while). */
  const settle = (page: Page) => page.waitForTimeout(1500);

  beforeAll(async () => {
    fake = await startFakeHh({ port: 0, quiet: true });
    browser = await launchExtensionBrowser({ fakePort: fake.port });
    worker = await browser.worker();
    await setSettings(worker, settings());
    fake.pageScript = hostileScript(browser.extensionId);
    popup = await browser.extensionPage('popup.html');
  });
  afterAll(async () => {
    await browser?.close();
    await fake?.close();
  });

  it('listing: clicks and keys on badges, bar and "queue all" (twice) queue nothing, reveal nothing; the started events stop nothing; no reason text is readable', async () => {
    const page = await browser.newPage();
    await page.goto(SEARCH);
    await expect
      .poll(() => page.evaluate((sel) => document.querySelectorAll(sel).length, BADGES), { timeout: 20_000 })
      .toBeGreaterThan(2);
    const roots = await closedRoots(page);
    await expect
      .poll(() => roots.text('[data-otk-bar]', '[data-otk-action="queue-all"]').catch(() => null), { timeout: 10_000 })
      .toMatch(/в очередь подходящие/);
    const before = {
      settings: await storedSettings(),
      bar: await roots.text('[data-otk-bar]', '.bar'),
      judged: await page.locator(`${CARD}[data-otk-verdict]`).count(),
    };

    const report = await attack(page);
    expect.soft(report.hosts).toBeGreaterThan(2);
    expect.soft(report.openRoots).toBe(0);
    expect.soft(report.reachedInside).toBe(0);
    expect.soft(report.startedEvents).toBeGreaterThan(10);
    await settle(page);

    // Nothing happened: no job, no application, no settings change, nothing revealed, no confirmation pending.
    expect.soft(await jobs()).toEqual([]);
    expect.soft(fake.applications).toEqual([]);
    expect.soft(await storedSettings()).toBe(before.settings);
    expect.soft(await page.evaluate(() => document.documentElement.hasAttribute('data-otk-reveal'))).toBe(false);
    expect.soft(await roots.text('[data-otk-bar]', '.bar')).toBe(before.bar);
    // Triage is alive: the verdicts stay, and a settings change still re-draws the page.
    expect.soft(await page.locator(`${CARD}[data-otk-verdict]`).count()).toBe(before.judged);
    const dim = settings();
    dim.triage.action = 'dim';
    await setSettings(worker, dim);
    await expect
      .poll(() => page.locator(`${CARD}[data-otk-action="dim"]`).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await setSettings(worker, settings());

    // What the page can read holds no reason text: the badges' tooltips and reasons live in the closed roots.
    const n = await roots.count(BADGES);
    const reasons: string[] = [];
    for (let i = 0; i < n; i++) {
      reasons.push(
        ...(await roots.eval(
          BADGES,
          (root) => [
            root.querySelector('.b')?.getAttribute('title') ?? '',
            ...[...root.querySelectorAll('.r span')].map((s) => s.textContent ?? ''),
          ],
          undefined,
          i,
        )),
      );
    }
    expect
      .soft(
        reasons.some((r) => /Python|Junior|Стажёр/i.test(r)),
        'the badges name the profile (else this test proves nothing)',
      )
      .toBe(true);
    expectNoLeak(await pageView(page), reasons);
    // The page has no extension API to call.
    expect
      .soft(await page.evaluate(() => (window as unknown as { __otkMessage: () => Promise<string> }).__otkMessage()))
      .toMatch(/^(no runtime API|error: )/);

    // The same button, pressed by a user (a real click), works: the guard stopped the page, not a dead button.
    await roots.click(`${CARD}[data-otk-verdict="show"] [data-otk-badge]`, '[data-otk-queue]');
    await expect.poll(async () => (await jobs())?.length, { timeout: 15_000 }).toBe(1);
    // Keyboard users too: Enter on the focused "show all" is a trusted click.
    await roots.press('[data-otk-bar]', '[data-otk-action="toggle-hidden"]', 'Enter');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-otk-reveal')), { timeout: 5_000 })
      .toBe(true);
    await page.close();
  });

  it('vacancy page: the panel writes, queues and hides nothing for the page; the letter box cannot be read or replaced', async () => {
    const id = fake
      .vacancyKinds()
      .normal.find((x) => fake.vacancy(x)!.employer && fake.vacancy(x)!.keySkills.length > 2)!;
    const page = await browser.newPage();
    await page.goto(`https://hh.ru/vacancy/${id}`);
    await page.locator(PANEL).waitFor({ state: 'attached', timeout: 20_000 });
    const roots = await closedRoots(page);
    const box = () =>
      roots.eval(PANEL, (root) => {
        const t = root.querySelector('textarea') as HTMLTextAreaElement;
        return { hidden: t.hidden, value: t.value };
      });
    const jobsBefore = (await jobs())!.length;
    const appsBefore = fake.applications.length;
    const before = {
      settings: await storedSettings(),
      box: await box(),
      hide: await roots.text(PANEL, '[data-otk-hide-employer]'),
    };
    expect(before.box).toEqual({ hidden: true, value: '' });

    const report = await attack(page);
    expect.soft(report.hosts).toBeGreaterThanOrEqual(2);
    expect.soft(report.openRoots).toBe(0);
    expect.soft(report.reachedInside).toBe(0);
    expect.soft(report.stolen).toBe('');
    await settle(page);

    expect.soft(await box()).toEqual(before.box); // no letter written, none replaced
    expect.soft((await jobs())!.length).toBe(jobsBefore);
    expect.soft(fake.applications.length).toBe(appsBefore);
    expect.soft(await storedSettings()).toBe(before.settings); // the employer is not hidden
    expect.soft(await roots.text(PANEL, '[data-otk-hide-employer]')).toBe(before.hide);
    expect.soft(await page.locator(PANEL).count()).toBe(1); // the page-features bundle was not stopped

    const secrets = [
      ...(await roots.eval(PANEL, (root) =>
        [...root.querySelectorAll('[data-otk-have],[data-otk-lack]')].map((e) => e.textContent ?? ''),
      )),
      ...(await roots.eval('[data-otk-badge]', (root) => [
        root.querySelector('.b')?.getAttribute('title') ?? '',
        ...[...root.querySelectorAll('.r span')].map((s) => s.textContent ?? ''),
      ])),
    ];
    expectNoLeak(await pageView(page), secrets);

    // A user's click on "write a letter" does write one: the panel was never dead.
    await roots.click(PANEL, '[data-otk-write]');
    await expect.poll(async () => (await box()).value.length, { timeout: 60_000 }).toBeGreaterThan(40);
    await page.close();
  });

  it('a content-script context can send no privileged message and read no secret', async () => {
    // The user's secrets: a remembered API key (options → worker) and a bot token an older version left in storage.local.
    await expect
      .poll(() => fromPopup('setApiKey', { provider: 'openai', key: API_KEY, storage: 'local' }))
      .toMatchObject({ ok: true });
    await worker.evaluate((t) => chrome.storage.local.set({ telegramToken: t }), BOT_TOKEN);
    await fromPopup('telegramTest', {}); // the worker reads the token (and answers after): it moved out of storage.local
    expect.soft(await secretIn(worker, 'telegramToken')).toBe(BOT_TOKEN);
    const settingsBefore = await storedSettings();

    const page = await browser.newPage();
    await page.goto(SEARCH);
    await expect
      .poll(() => page.evaluate((sel) => document.querySelectorAll(sel).length, BADGES), { timeout: 20_000 })
      .toBeGreaterThan(0);
    const run = await inContentWorld(page, browser.extensionId);
    const send = (type: string, payload: unknown) =>
      run(`chrome.runtime.sendMessage(${JSON.stringify({ otklik: 1, type, payload })})`) as Promise<{
        ok: boolean;
        error?: string;
      }>;

    const privileged: Array<[string, unknown]> = [
      ['setApiKey', { provider: 'openai', key: 'sk-attacker', storage: 'local' }],
      ['moveApiKeys', { storage: 'session' }],
      ['pauseQueue', {}],
      ['resumeQueue', {}],
      ['listJobs', {}],
      ['jobHistory', { jobId: 1 }],
      ['retryJob', { jobId: 1 }],
      ['removeJob', { jobId: 1 }],
      ['approveJob', { jobId: 1, letter: 'by the page' }],
      ['updateLetter', { jobId: 1, letter: 'by the page' }],
      ['getLetter', { jobId: 1 }],
      ['queueStatus', {}],
      ['providerStatus', {}],
      ['testProvider', {}],
      ['telegramTest', {}],
      ['runDiscovery', {}],
      ['sendReply', { topicId: '1', text: 'by the page' }],
      ['listReplies', {}],
      ['getTabTriage', { tabId: 1 }],
      ['importResume', { hash: 'a'.repeat(38) }],
    ];
    for (const [type, payload] of privileged)
      expect
        .soft(await send(type, payload), type)
        .toEqual({ ok: false, error: `"${type}" is not accepted from this context` });
    // The channel itself works: what the listing may send is answered.
    await expect.poll(() => send('jobsForVacancies', { vacancyIds: ['1'] })).toMatchObject({ ok: true });

    // Storage a content script can read holds no secret; session storage is closed to it.
    const local = (await run('chrome.storage.local.get(null).then((x) => JSON.stringify(x))')) as string;
    expect(local).toContain('"settings"'); // it is the real storage…
    expect.soft(local).not.toContain(API_KEY.slice(3));
    expect.soft(local).not.toContain(BOT_TOKEN.split(':')[1]);
    expect
      .soft(await run('chrome.storage.session.get(null).then(() => "readable", (e) => "refused: " + e.message)'))
      .toMatch(/^refused/);

    // Nothing changed: the key is where the user put it, the queue not paused, the settings as they were.
    expect
      .soft((await fromPopup<{ key: { openai: string | null } }>('providerStatus', {})).data?.key.openai)
      .toBe('local');
    expect.soft((await fromPopup<{ pause: unknown }>('queueStatus', {})).data?.pause).toBeNull();
    expect.soft(await storedSettings()).toBe(settingsBefore);
    await page.close();
  });
});
