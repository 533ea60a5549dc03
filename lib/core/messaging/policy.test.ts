import { describe, expect, it } from 'vitest';
import { ENGINE_PORT } from '../letters/engine-protocol';
import { LETTER_PORT } from '../letters/port-protocol';
import { senderOf } from './index';
import { MESSAGE_POLICY, messageAllowed, portAllowed, senderKind, type SenderContext, type Self } from './policy';
import { toBackground } from './protocol';
import { createRouter, type Handlers, type Sender } from './router';

const self: Self = { id: 'otklikextensionid', origin: 'chrome-extension://otklikextensionid' };

/** Senders as Chrome reports them (runtime.MessageSender), flattened by the worker's listener. */
const SENDERS: Record<string, { sender: Sender; kind: 'extension' | 'content' | null }> = {
  popup: {
    sender: senderOf({ id: self.id, url: `${self.origin}/popup.html`, origin: self.origin }),
    kind: 'extension',
  },
  optionsTab: {
    sender: senderOf({
      id: self.id,
      url: `${self.origin}/options.html`,
      origin: self.origin,
      tab: { id: 4, url: `${self.origin}/options.html` },
      frameId: 0,
    }),
    kind: 'extension',
  },
  offscreen: {
    sender: senderOf({ id: self.id, url: `${self.origin}/offscreen.html`, origin: self.origin }),
    kind: 'extension',
  },
  listingScript: {
    sender: senderOf({
      id: self.id,
      url: 'https://hh.ru/search/vacancy?text=python',
      origin: 'https://hh.ru',
      tab: { id: 7, url: 'https://hh.ru/search/vacancy?text=python' },
      frameId: 0,
    }),
    kind: 'content',
  },
  vacancyScript: {
    sender: senderOf({
      id: self.id,
      url: 'https://spb.hh.ru/vacancy/123',
      origin: 'https://spb.hh.ru',
      tab: { id: 8, url: 'https://spb.hh.ru/vacancy/123' },
      frameId: 0,
    }),
    kind: 'content',
  },
  // Refused everywhere: not ours, not hh, not https, a sub-frame, an extension URL inside a web tab, nothing known.
  otherExtension: {
    sender: senderOf({
      id: 'someoneelse',
      url: 'chrome-extension://someoneelse/popup.html',
      origin: 'chrome-extension://someoneelse',
    }),
    kind: null,
  },
  foreignPage: {
    sender: senderOf({
      id: self.id,
      url: 'https://attacker.example/',
      origin: 'https://attacker.example',
      tab: { id: 9, url: 'https://attacker.example/' },
      frameId: 0,
    }),
    kind: null,
  },
  lookalikeHost: {
    sender: senderOf({ id: self.id, url: 'https://hh.ru.attacker.example/vacancy/1', tab: { id: 9 }, frameId: 0 }),
    kind: null,
  },
  plainHttpHh: {
    sender: senderOf({ id: self.id, url: 'http://hh.ru/vacancy/1', tab: { id: 9 }, frameId: 0 }),
    kind: null,
  },
  subFrame: {
    sender: senderOf({ id: self.id, url: 'https://hh.ru/frame', tab: { id: 7, url: 'https://hh.ru/' }, frameId: 3 }),
    kind: null,
  },
  extensionUrlInWebTab: {
    sender: senderOf({
      id: self.id,
      url: `${self.origin}/options.html`,
      origin: self.origin,
      tab: { id: 7, url: 'https://hh.ru/' },
    }),
    kind: null,
  },
  extensionUrlWrongOrigin: {
    sender: senderOf({ id: self.id, url: `${self.origin}/popup.html`, origin: 'https://hh.ru' }),
    kind: null,
  },
  contentWithoutTab: { sender: senderOf({ id: self.id, url: 'https://hh.ru/' }), kind: null },
  nothing: { sender: {}, kind: null },
};

const allows = (contexts: readonly SenderContext[], kind: 'extension' | 'content' | null) =>
  kind === 'extension'
    ? contexts.includes('extension')
    : kind === 'content'
      ? contexts.includes('listing') || contexts.includes('pageFeatures')
      : false;

describe('message policy (one table, lib/core/messaging/policy.ts)', () => {
  it('names the allowed contexts of every message type, and of no other', () => {
    expect(Object.keys(MESSAGE_POLICY).sort()).toEqual(Object.keys(toBackground).sort());
    for (const [type, contexts] of Object.entries(MESSAGE_POLICY)) expect(contexts.length, type).toBeGreaterThan(0);
  });

  it('tells the senders apart as the browser reports them', () => {
    for (const [name, { sender, kind }] of Object.entries(SENDERS)) expect(senderKind(sender, self), name).toBe(kind);
  });

  it('keeps keys, settings-like changes, the queue controls and the user data lists for extension pages', () => {
    const extensionOnly = [
      'setApiKey',
      'moveApiKeys',
      'pauseQueue',
      'resumeQueue',
      'retryJob',
      'removeJob',
      'listJobs',
      'jobHistory',
      'queueStatus',
      'approveJob',
      'updateLetter',
      'getLetter',
      'regenerateLetter',
      'testProvider',
      'providerStatus',
      'telegramTest',
      'importResume',
      'runDiscovery',
      'resumeDiscovery',
      'forgetDiscovered',
      'suggestionAction',
      'sendReply',
      'updateReplyDraft',
      'listReplies',
      'getTabTriage',
      'syncNegotiations',
    ] as const;
    for (const type of extensionOnly) expect(MESSAGE_POLICY[type], type).toEqual(['extension']);
    expect(MESSAGE_POLICY.triageCards).toEqual(['listing']);
    expect(MESSAGE_POLICY.reportNegotiations).toEqual(['pageFeatures']);
  });

  describe('the router refuses every type from every context the table does not name, before parsing or handling', () => {
    const reached: string[] = [];
    const handlers = new Proxy({} as Handlers<typeof toBackground>, {
      get: (_t, type: string) => () => {
        reached.push(type);
        throw new Error('handler reached');
      },
    });
    const route = createRouter(
      toBackground,
      handlers,
      () => {},
      (type, sender) => messageAllowed(type, sender, self),
    );
    for (const type of Object.keys(toBackground) as (keyof typeof toBackground)[]) {
      it(type, async () => {
        for (const [name, { sender, kind }] of Object.entries(SENDERS)) {
          reached.length = 0;
          const reply = await route({ otklik: 1, type, payload: {} }, sender);
          const refused = !reply.ok && reply.error === `"${type}" is not accepted from this context`;
          expect(refused, `${type} from ${name}`).toBe(!allows(MESSAGE_POLICY[type], kind));
          if (refused) expect(reached, `${type} from ${name}`).toEqual([]);
        }
      });
    }
  });

  it('ports: the letter port for the vacancy panel and extension pages, the engine port for extension contexts only', () => {
    const { popup, vacancyScript, listingScript, foreignPage, offscreen } = SENDERS;
    expect(portAllowed(LETTER_PORT, vacancyScript!.sender, self)).toBe(true);
    expect(portAllowed(LETTER_PORT, popup!.sender, self)).toBe(true);
    expect(portAllowed(LETTER_PORT, foreignPage!.sender, self)).toBe(false);
    expect(portAllowed(ENGINE_PORT, listingScript!.sender, self)).toBe(false);
    expect(portAllowed(ENGINE_PORT, offscreen!.sender, self)).toBe(true);
    expect(portAllowed('otklik:unknown', popup!.sender, self)).toBe(false);
  });
});
