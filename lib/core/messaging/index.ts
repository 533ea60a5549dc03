import { browser } from '#imports';
import { toBackground } from './protocol';
import { createClient, createRouter, type Handlers, type Sender } from './router';
import { messageAllowed, type Self } from './policy';

export { toBackground } from './protocol';
export type { TriageStats } from './protocol';
export { MessageError } from './router';

/** Content script, popup, options → background. */
export const sendToBackground = createClient(toBackground, (env) => browser.runtime.sendMessage(env));

type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];

interface BrowserSender {
  tab?: { id?: number; url?: string };
  url?: string;
  id?: string;
  origin?: string;
  frameId?: number;
}

/** The browser's sender, flattened for the router and the policy (./policy.ts). */
export function senderOf(sender: BrowserSender): Sender {
  const from: Sender = {};
  if (sender.tab?.id !== undefined) from.tabId = sender.tab.id;
  if (sender.tab?.url !== undefined) from.tabUrl = sender.tab.url;
  if (sender.url !== undefined) from.url = sender.url;
  if (sender.id !== undefined) from.id = sender.id;
  if (sender.origin !== undefined) from.origin = sender.origin;
  if (sender.frameId !== undefined) from.frameId = sender.frameId;
  return from;
}

/** This extension's id and page origin (chrome-extension://<id>). */
export function selfOf(): Self {
  return { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
}

function listen<M extends typeof toBackground>(map: M, handlers: Handlers<M>, log?: (m: string) => void): () => void {
  const self = selfOf();
  const route = createRouter(map, handlers, log, (type, sender) => messageAllowed(type, sender, self));
  const listener = ((message: unknown, sender: BrowserSender) => route(message, senderOf(sender))) as Listener; // the Promise form: the fake browser and Firefox both support it
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

export const handleBackgroundMessages = (h: Handlers<typeof toBackground>, log?: (m: string) => void) =>
  listen(toBackground, h, log);
