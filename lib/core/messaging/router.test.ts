import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { triageStatsSchema } from './protocol';
import { createClient, createReplyClient, createRouter, MessageError, type Replies } from './router';

/**
 * A map of its own, so the router is tested apart from the product's growing message list. Deliberately
 * classic zod mixed with the product's zod/mini schemas: the router takes any zod v4 schema.
 */
const toBackground = {
  ping: { req: z.object({}), res: z.object({ version: z.string(), context: z.literal('background') }) },
  reportTriage: { req: triageStatsSchema, res: z.object({ recorded: z.boolean() }) },
  getTabTriage: { req: z.object({ tabId: z.number().int() }), res: z.nullable(triageStatsSchema) },
} as const;

const stats = {
  url: 'https://hh.ru/search/vacancy?text=python',
  total: 50,
  shown: 20,
  dimmed: 5,
  hidden: 25,
  unrecognised: 0,
};

function setup(overrides: Partial<Parameters<typeof createRouter<typeof toBackground>>[1]> = {}) {
  const log = vi.fn();
  const route = createRouter(
    toBackground,
    {
      ping: () => ({ version: '1.2.3', context: 'background' as const }),
      reportTriage: (p, sender) => ({ recorded: p.total === 50 && sender.tabId === 7 }),
      getTabTriage: () => null,
      ...overrides,
    },
    log,
  );
  return { route, log };
}

describe('message router', () => {
  it('answers a valid message', async () => {
    const { route } = setup();
    expect(await route({ otklik: 1, type: 'reportTriage', payload: stats }, { tabId: 7 })).toEqual({
      ok: true,
      data: { recorded: true },
    });
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'hello'],
    ['a foreign object', { cmd: 'doSomething' }],
    ['a wrong tag', { otklik: 2, type: 'ping', payload: {} }],
  ])('rejects %s as malformed', async (_name, msg) => {
    const { route } = setup();
    const r = await route(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^malformed message/);
  });

  it('rejects unknown types, including Object.prototype names', async () => {
    const { route } = setup();
    for (const type of ['launchMissiles', 'toString', '__proto__']) {
      const r = await route({ otklik: 1, type, payload: {} });
      expect(r).toEqual({ ok: false, error: `unknown message type "${type}"` });
    }
  });

  it('rejects an invalid payload naming the field, without calling the handler', async () => {
    const handler = vi.fn();
    const { route } = setup({ reportTriage: handler });
    const r = await route({ otklik: 1, type: 'reportTriage', payload: { ...stats, hidden: -1 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/hidden/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an error reply', async () => {
    const { route, log } = setup({
      ping: () => {
        throw new Error('boom');
      },
    });
    expect(await route({ otklik: 1, type: 'ping', payload: {} })).toEqual({ ok: false, error: 'boom' });
    expect(log).toHaveBeenCalled();
  });

  it('does not pass on an answer that breaks the contract', async () => {
    // @ts-expect-error deliberately wrong answer
    const { route } = setup({ ping: () => ({ version: 3 }) });
    const r = await route({ otklik: 1, type: 'ping', payload: {} });
    expect(r).toEqual({ ok: false, error: 'internal error: invalid answer to "ping"' });
  });
});

describe('message client', () => {
  it('round-trips through a router', async () => {
    const { route } = setup();
    const call = createClient(toBackground, (env) => route(env, { tabId: 7 }));
    expect(await call('ping', {})).toEqual({ version: '1.2.3', context: 'background' });
    expect(await call('reportTriage', stats)).toEqual({ recorded: true });
  });

  it('throws the receiver error as MessageError', async () => {
    const call = createClient(toBackground, async () => ({ ok: false, error: 'nope' }));
    await expect(call('ping', {})).rejects.toThrow(new MessageError('ping', 'nope'));
  });

  it('refuses to send an invalid payload', async () => {
    const send = vi.fn();
    const call = createClient(toBackground, send);
    // @ts-expect-error deliberately invalid
    await expect(call('reportTriage', { url: 'not a url' })).rejects.toThrow(/invalid payload/);
    expect(send).not.toHaveBeenCalled();
  });

  it('reports when nobody answered', async () => {
    const call = createClient(toBackground, async () => undefined);
    await expect(call('ping', {})).rejects.toThrow(/no receiver/);
  });
});

describe('reply-only client (listing content script)', () => {
  const replies = Object.fromEntries(Object.entries(toBackground).map(([k, v]) => [k, v.res])) as Replies<
    typeof toBackground
  >;

  it('sends the payload as given and validates the reply; the receiver validates the request', async () => {
    const { route } = setup();
    const call = createReplyClient<typeof toBackground>(replies, (env) => route(env, { tabId: 7 }));
    expect(await call('reportTriage', stats)).toEqual({ recorded: true });
    // @ts-expect-error deliberately invalid
    await expect(call('reportTriage', { url: 'not a url' })).rejects.toThrow(/invalid "reportTriage" message/);
  });

  it('refuses a reply of the wrong shape, a malformed envelope and an unknown type', async () => {
    await expect(
      createReplyClient<typeof toBackground>(replies, async () => ({ ok: true, data: { version: 1 } }))('ping', {}),
    ).rejects.toThrow(/invalid reply/);
    await expect(
      createReplyClient<typeof toBackground>(replies, async () => ({ ok: false }))('ping', {}),
    ).rejects.toThrow(/malformed reply/);
    await expect(
      // @ts-expect-error not in the map
      createReplyClient<typeof toBackground>(replies, async () => ({ ok: true, data: {} }))('nope', {}),
    ).rejects.toThrow(/unknown message type/);
  });
});
