import { browser } from '#imports';
import { toBackground } from './protocol';
import { createClient, createRouter, type Handlers, type Sender } from './router';

export { toBackground } from './protocol';
export type { TriageStats } from './protocol';
export { MessageError } from './router';

/** Content script, popup, options → background. */
export const sendToBackground = createClient(toBackground, (env) => browser.runtime.sendMessage(env));

type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];

function listen<M extends typeof toBackground>(map: M, handlers: Handlers<M>, log?: (m: string) => void): () => void {
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
