import { browser } from '#imports';
import { toBackground, toContent } from './protocol';
import { createClient, createRouter, type Handlers, type Sender } from './router';

export { toBackground, toContent } from './protocol';
export type { TriageStats } from './protocol';
export { MessageError } from './router';

/** Content script, popup, options → background. */
export const sendToBackground = createClient(toBackground, (env) => browser.runtime.sendMessage(env));

/** Background/popup → the content script of one tab (which answers through ./content-client.ts). */
export const sendToTab = (tabId: number) => createClient(toContent, (env) => browser.tabs.sendMessage(tabId, env));

type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];

function listen<M extends typeof toBackground | typeof toContent>(map: M, handlers: Handlers<M>, log?: (m: string) => void): () => void {
  const route = createRouter(map, handlers, log);
  const listener = ((message: unknown, sender: { tab?: { id?: number }; url?: string; id?: string }) => {
    const from: Sender = {};
    if (sender.tab?.id !== undefined) from.tabId = sender.tab.id;
    if (sender.url !== undefined) from.url = sender.url;
    if (sender.id !== undefined) from.id = sender.id;
    return route(message, from); // the Promise form: the fake browser and Firefox both support it
  }) as Listener;
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export const handleBackgroundMessages = (h: Handlers<typeof toBackground>, log?: (m: string) => void) => listen(toBackground, h, log);
