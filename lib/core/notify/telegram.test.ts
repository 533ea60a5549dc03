// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_TELEGRAM_CHAT,
  FAKE_TELEGRAM_TOKEN,
  startFakeTelegram,
  type FakeTelegram,
} from '../../../test/fake-telegram/server';
import { defaultSettings, type Settings } from '../settings/schema';
import { notify, type NotifierDeps } from '../../worker/notify/notifier';
import { getMe, sendMessage, TelegramError, type TelegramDeps } from './telegram';

let tg: FakeTelegram;
let deps: TelegramDeps;
beforeAll(async () => {
  tg = await startFakeTelegram();
  deps = { fetch: (i, init) => fetch(i, init), baseUrl: tg.baseUrl };
});
afterAll(() => tg?.close());
afterEach(() => tg.reset());

const secretPart = FAKE_TELEGRAM_TOKEN.split(':')[1]!;
/** The rejection of a call that must fail. */
const failure = <E = TelegramError>(p: Promise<unknown>): Promise<E> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as E,
  );

describe('Telegram Bot API client (fake Bot API on loopback)', () => {
  it('checks the token and sends plain text to the chat', async () => {
    expect(await getMe(deps, FAKE_TELEGRAM_TOKEN)).toEqual({ id: 123456789, username: 'otklik_test_bot' });
    expect(await sendMessage(deps, FAKE_TELEGRAM_TOKEN, FAKE_TELEGRAM_CHAT, 'Hello <b>not html</b>')).toEqual({
      messageId: 1,
    });
    expect(tg.messages).toEqual([
      expect.objectContaining({ chatId: FAKE_TELEGRAM_CHAT, text: 'Hello <b>not html</b>' }),
    ]);
  });

  it('turns Telegram errors into messages a person can act on, never quoting the token', async () => {
    const wrong = '123456789:AAWrongTokenxxxxxxxxxxxxxxxxxxxxxxxxxx';
    const e1 = await failure(sendMessage(deps, wrong, FAKE_TELEGRAM_CHAT, 'x'));
    expect(e1).toBeInstanceOf(TelegramError);
    expect(e1.message).toBe('Telegram: Unauthorized (check the bot token)');
    const e2 = await failure(sendMessage(deps, FAKE_TELEGRAM_TOKEN, '999', 'x'));
    expect(e2.message).toMatch(/chat not found.*check the chat id/);
    tg.throttle(1);
    const e3 = await failure(sendMessage(deps, FAKE_TELEGRAM_TOKEN, FAKE_TELEGRAM_CHAT, 'x'));
    expect([e3.code, e3.retryAfterS]).toEqual([429, 3]);
    const e4 = await failure(
      sendMessage({ ...deps, baseUrl: 'http://127.0.0.1:1' }, FAKE_TELEGRAM_TOKEN, FAKE_TELEGRAM_CHAT, 'x'),
    );
    expect(e4.message).toMatch(/cannot reach Telegram/);
    const e5 = await failure(sendMessage(deps, 'not-a-token', FAKE_TELEGRAM_CHAT, 'x'));
    expect(e5.message).toMatch(/does not look like/);
    expect(tg.calls).toEqual(['sendMessage', 'sendMessage', 'sendMessage']);
    for (const e of [e1, e2, e3, e4, e5])
      expect(String((e as Error).message) + String((e as Error).stack)).not.toContain(secretPart);
  });

  it('rejects an answer of the wrong shape', async () => {
    const odd: typeof fetch = async () => new Response(JSON.stringify({ ok: true, result: 'nope' }), { status: 200 });
    await expect(sendMessage({ fetch: odd }, FAKE_TELEGRAM_TOKEN, FAKE_TELEGRAM_CHAT, 'x')).rejects.toThrow(
      /unexpected answer/,
    );
  });
});

describe('notify: each channel only for the kinds the user turned on', () => {
  function notifier(patch: (s: Settings) => void, token = FAKE_TELEGRAM_TOKEN) {
    const shown: string[] = [];
    const errors: string[] = [];
    const s = defaultSettings();
    patch(s);
    const d: NotifierDeps = {
      settings: async () => s,
      browserNotify: async (id, title) => void shown.push(`${id}:${title}`),
      token: async () => token,
      telegram: deps,
      onError: (ch, m) => void errors.push(`${ch}: ${m}`),
    };
    return { d, shown, errors };
  }

  it('browser by default, Telegram only when enabled with a chat id and a token', async () => {
    const a = notifier(() => undefined);
    expect(await notify(a.d, { kind: 'strongMatches', id: 'n1', title: 'T', message: 'M' })).toEqual({
      browser: true,
      telegram: false,
    });
    expect(a.shown).toEqual(['n1:T']);
    expect(tg.messages).toEqual([]);

    const b = notifier((s) => {
      s.notify.browser.strongMatches = false;
      s.notify.telegram = {
        enabled: true,
        chatId: FAKE_TELEGRAM_CHAT,
        kinds: { strongMatches: true, queuePaused: false, invitations: true },
      };
    });
    expect(
      await notify(b.d, {
        kind: 'strongMatches',
        id: 'n2',
        title: 'Otklik: 2 new',
        message: 'Frontend — ACME',
        url: 'https://hh.ru/vacancy/1',
      }),
    ).toEqual({ browser: false, telegram: true });
    expect(await notify(b.d, { kind: 'queuePaused', id: 'n3', title: 'paused', message: 'captcha' })).toEqual({
      browser: true,
      telegram: false,
    });
    expect(tg.messages.map((m) => m.text)).toEqual(['Otklik: 2 new\nFrontend — ACME\nhttps://hh.ru/vacancy/1']);

    const c = notifier(
      (s) =>
        (s.notify.telegram = {
          enabled: true,
          chatId: '777',
          kinds: { strongMatches: true, queuePaused: true, invitations: true },
        }),
    );
    expect(await notify(c.d, { kind: 'invitations', id: 'n4', title: 'i', message: 'm' })).toEqual({
      browser: true,
      telegram: false,
    });
    expect(c.errors[0]).toMatch(/^telegram: Telegram: Bad Request: chat not found/);
  });
});
