import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OtklikDb } from '../db/db';
import { rememberSeen, updateState, getState } from './store';
import type { SeenVacancy } from '../../core/db/discovery-rows';
import { defaultSettings, type Settings } from '../../core/settings/schema';
import {
  FAKE_TELEGRAM_CHAT,
  FAKE_TELEGRAM_TOKEN,
  startFakeTelegram,
  type FakeTelegram,
} from '../../../test/fake-telegram/server';
import { createDiscoveryHandlers, type DiscoveryMessageDeps } from './handlers';

let n = 0;
const dbs: OtklikDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
let tg: FakeTelegram;
beforeAll(async () => void (tg = await startFakeTelegram()));
afterAll(() => tg?.close());

const row = (
  id: string,
  employer: { id?: string; name: string },
  at: number,
  verdict: SeenVacancy['verdict'] = 'suggested',
): SeenVacancy => ({
  id,
  firstSeenAt: at,
  source: 'similar',
  score: 0.8,
  fullText: true,
  verdict,
  reasons: ['title matches'],
  vacancy: { id, title: `Frontend ${id}`, employer, url: `https://hh.ru/vacancy/${id}`, score: 0.8 },
  updatedAt: at,
});

function setup(token = FAKE_TELEGRAM_TOKEN) {
  const db = new OtklikDb(`otklik-dm-${++n}`);
  dbs.push(db);
  let settings: Settings = defaultSettings();
  const queued: string[] = [];
  const deps: DiscoveryMessageDeps = {
    db: () => db,
    now: () => 5000,
    settings: async () => settings,
    updateSettings: async (fn) => void (settings = fn(settings)),
    run: async () => ({ ran: false, why: 'test' }),
    running: () => false,
    nextRunAt: async () => null,
    rearm: async () => undefined,
    enqueue: async (v) => {
      if (v.id === '13') throw new Error('no resume chosen');
      queued.push(v.id);
      return { state: 'pending' };
    },
    telegramToken: async () => token,
    telegram: { fetch: (i, init) => fetch(i, init), baseUrl: tg.baseUrl },
  };
  return {
    db,
    h: createDiscoveryHandlers(deps),
    queued,
    settings: () => settings,
    set: (s: Settings) => void (settings = s),
  };
}

describe('discovery messages', () => {
  it('lists suggestions newest first; queue and dismiss take them off the list', async () => {
    const { db, h, queued } = setup();
    await rememberSeen(db, [
      row('10', { name: 'A' }, 1),
      row('11', { name: 'B' }, 3),
      row('12', { name: 'C' }, 2),
      row('13', { name: 'D' }, 0),
      row('14', { name: 'E' }, 9, 'below'),
    ]);
    expect((await h.listSuggestions({}, {})).suggestions.map((s) => s.vacancyId)).toEqual(['11', '12', '10', '13']);
    expect(await h.suggestionAction({ vacancyId: '11', action: 'queue' }, {})).toEqual({ ok: true, state: 'pending' });
    expect(await h.suggestionAction({ vacancyId: '12', action: 'dismiss' }, {})).toEqual({ ok: true });
    expect(await h.suggestionAction({ vacancyId: '13', action: 'queue' }, {})).toEqual({
      ok: false,
      error: 'no resume chosen',
    });
    expect(await h.suggestionAction({ vacancyId: '99', action: 'queue' }, {})).toMatchObject({ ok: false });
    expect(queued).toEqual(['11']);
    expect((await h.listSuggestions({}, {})).suggestions.map((s) => s.vacancyId)).toEqual(['10', '13']);
    expect((await h.discoveryStatus({}, {})).suggestions).toBe(2);
  });

  it('hide this employer: added once to the blacklist, its suggestions go away', async () => {
    const { db, h, settings } = setup();
    await rememberSeen(db, [
      row('20', { id: '77', name: 'ООО «Ромашка»' }, 1),
      row('21', { name: 'Ромашка' }, 2),
      row('22', { name: 'Other' }, 3),
    ]);
    expect(await h.hideEmployer({ employer: { id: '77', name: 'ООО «Ромашка»' } }, {})).toEqual({ added: true });
    expect(await h.hideEmployer({ employer: { name: 'Ромашка' } }, {})).toEqual({ added: false });
    expect(settings().profile.employerBlacklist).toEqual([{ id: '77', name: 'ООО «Ромашка»' }]);
    expect((await h.listSuggestions({}, {})).suggestions.map((s) => s.vacancyId)).toEqual(['22']);
    expect((await db.seen.get('21'))?.verdict).toBe('blacklisted');
  });

  it('resume clears a pause and a backoff', async () => {
    const { db, h } = setup();
    await updateState(db, (s) => ({
      ...s,
      pause: { reason: 'captcha', message: 'captcha', since: 1 },
      backoffUntil: 9999,
      failures: 2,
    }));
    expect(await h.resumeDiscovery({}, {})).toEqual({ resumed: true });
    expect(await getState(db)).toMatchObject({ pause: null, backoffUntil: 0, failures: 0 });
  });

  it('telegram test message through the fake Bot API, with clear errors', async () => {
    const a = setup();
    expect(await a.h.telegramTest({}, {})).toEqual({ ok: false, error: 'save the chat id first' });
    const s = a.settings();
    a.set({
      ...s,
      notify: { ...s.notify, telegram: { ...s.notify.telegram, enabled: true, chatId: FAKE_TELEGRAM_CHAT } },
    });
    expect(await a.h.telegramTest({}, {})).toEqual({ ok: true, bot: 'otklik_test_bot' });
    expect(tg.messages.map((m) => m.chatId)).toEqual([FAKE_TELEGRAM_CHAT]);
    expect(tg.messages[0]!.text).toMatch(/^Otklik: test message/);
    const b = setup('');
    expect(await b.h.telegramTest({}, {})).toEqual({ ok: false, error: 'save the bot token first' });
  });
});
