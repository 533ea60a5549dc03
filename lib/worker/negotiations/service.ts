import { browser } from '#imports';
import { getDb } from '../db';
import { fetchChatMessages, sendChatMessage } from '../../core/hh/chat';
import { fetchNegotiationsPage } from '../../core/hh/negotiations';
import { hhHomeUrl } from '../../core/hh/urls';
import { uiLang } from '../../core/i18n/lang';
import { providerFor } from '../letters/factory';
import { isAbort } from '../letters/provider';
import { cleanReply, replyProblems, replyPrompt, templateReply, type ReplyInput } from './reply-draft';
import { getSettings, watchSettings } from '../../core/settings/store';
import type { Settings } from '../../core/settings/schema';
import { factoryDeps } from '../letters/service';
import { syncFromHh, type NegotiationDeps } from './handlers';
import { invitationNotice } from '../notify/invitations';
import { readCookie } from '../platform/cookies';
import { tell } from '../notify/tell';

/**
 * Responses and employer chats in the service worker: an alarm reads the responses page every
 * `settings.qa.syncMinutes`, the content script reports the page when the user opens it, new employer messages
 * get a draft reply. Nothing here sends a chat message: only the popup's "send" click does (sendReply).
 */
export const NEGOTIATIONS_ALARM = 'otklik-negotiations';
const SYNC_KEY = 'otklik:negotiations-sync';

const log = (m: string) => console.info('[otklik:negotiations]', m);
const net = { fetch: (i: RequestInfo | URL, init?: RequestInit) => fetch(i, init), readCookie };

/** The draft: the user's letter provider with our reply prompt; the template reply when there is none or it fails. */
async function draftReply(input: {
  settings: Settings;
  title: string;
  employer: string;
  employerText: string;
}): Promise<{ text: string; by: string; problems?: string[] }> {
  const s = input.settings;
  const reply: ReplyInput = {
    profile: s.profile,
    bank: s.qa.items,
    title: input.title,
    employer: input.employer,
    employerText: input.employerText,
    lang: uiLang(),
  };
  if (s.letters.provider !== 'template' && s.letters.provider !== 'none') {
    try {
      const provider = await providerFor(s.letters, factoryDeps, () => ({
        profile: s.profile,
        vacancy: { id: '1', title: input.title || '-', employer: null, url: hhHomeUrl() },
      }));
      const text = cleanReply(
        await provider.complete({
          messages: replyPrompt(reply),
          maxTokens: 400,
          temperature: 0.4,
          signal: AbortSignal.timeout(120_000),
        }),
      );
      if (text) return { text, by: provider.id, problems: replyProblems(text, reply) };
    } catch (e) {
      log(
        `provider failed, template reply instead: ${isAbort(e) ? 'timeout' : e instanceof Error ? e.message : String(e)}`,
      );
    }
  }
  return { text: templateReply(reply), by: 'template' };
}

export const negotiationDeps: NegotiationDeps = {
  db: getDb,
  now: Date.now,
  settings: getSettings,
  fetchPage: (page) => fetchNegotiationsPage(net.fetch, { page }),
  fetchChat: (chatId) => fetchChatMessages(net, chatId),
  sendChat: (req) => sendChatMessage(net, req),
  draft: draftReply,
  syncState: {
    get: async () => {
      const v = (await browser.storage.local.get(SYNC_KEY))[SYNC_KEY] as { at?: unknown; error?: unknown } | undefined;
      return { at: typeof v?.at === 'number' ? v.at : null, error: typeof v?.error === 'string' ? v.error : null };
    },
    set: async (s) => void (await browser.storage.local.set({ [SYNC_KEY]: s })),
  },
  background: (p) =>
    void p.catch((e: unknown) => log(`background work failed: ${e instanceof Error ? e.message : String(e)}`)),
  log,
  onInvitations: (list) => {
    const notice = invitationNotice(list, uiLang());
    if (notice)
      void tell(notice).catch((e: unknown) =>
        log(`invitation notice failed: ${e instanceof Error ? e.message : String(e)}`),
      );
  },
};

async function armAlarm(): Promise<void> {
  const s = await getSettings();
  const existing = await browser.alarms.get(NEGOTIATIONS_ALARM);
  if (existing?.periodInMinutes === s.qa.syncMinutes) return;
  await browser.alarms.create(NEGOTIATIONS_ALARM, { delayInMinutes: 1, periodInMinutes: s.qa.syncMinutes });
}

/** Call synchronously at worker start (MV3 may have woken us for this alarm). */
export function registerNegotiations(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== NEGOTIATIONS_ALARM) return;
    void getSettings()
      .then((s) => (s.enabled ? syncFromHh(negotiationDeps) : null))
      .catch((e: unknown) => log(`sync failed: ${e instanceof Error ? e.message : String(e)}`));
  });
  void armAlarm().catch((e: unknown) => log(`cannot arm the alarm: ${String(e)}`));
  // A new period in the options applies at once, not at the next worker start.
  watchSettings(() => void armAlarm().catch(() => undefined));
}
