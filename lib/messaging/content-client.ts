import { ext } from '../platform/ext';
import { listingMessages, toContent } from './listing-protocol';
import { createClient, createRouter, type Handlers } from './router';

/*
 * Messaging for the listing content script: only its own message schemas (./listing-protocol) and the native
 * extension API, not the full map and webextension-polyfill of ./index.ts.
 */

/** Listing content script → background. */
export const sendFromListing = createClient(listingMessages, (env) => ext.runtime.sendMessage(env));

/** Background/popup → this tab's content script (tabs.sendMessage). */
export function handleTabMessages(handlers: Handlers<typeof toContent>): () => void {
  const route = createRouter(toContent, handlers);
  const listener = (message: unknown, _sender: unknown, sendResponse?: (r: unknown) => void): boolean | Promise<unknown> => {
    const reply = route(message);
    // Without the polyfill, older Chrome ignores a returned Promise: answer through sendResponse where it is
    // given (Chrome, Firefox); WXT's fake browser passes none and takes the Promise.
    if (typeof sendResponse !== 'function') return reply;
    void reply.then(sendResponse);
    return true;
  };
  ext.runtime.onMessage.addListener(listener);
  return () => ext.runtime.onMessage.removeListener(listener);
}
