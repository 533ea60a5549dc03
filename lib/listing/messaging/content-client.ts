import { ext } from '../platform/ext';
import type { listingMessages } from '../../core/messaging/listing-protocol';
import { listingReplies } from '../../core/messaging/listing-replies';
import { createReplyClient } from '../../core/messaging/router';

/*
 * Messaging for the listing content script: only the reply schemas of its own messages (./listing-replies)
 * and the native extension API, not the full map and webextension-polyfill of ./index.ts. Nothing is sent to
 * it: the popup reads a tab's triage from the worker (reportTriage keeps it there).
 */

/** Listing content script → background. */
export const sendFromListing = createReplyClient<typeof listingMessages>(listingReplies, (env) =>
  ext.runtime.sendMessage(env),
);

/**
 * The same, for triage verdicts, noting when the worker's answer arrived: the page's time checking and
 * decoding it belongs to the triage pass it is measured for (lib/listing/triage/start.ts).
 */
export const sendTriage = (() => {
  let at = 0;
  const send = createReplyClient<typeof listingMessages>(listingReplies, async (env) => {
    const answer: unknown = await ext.runtime.sendMessage(env);
    at = performance.now();
    return answer;
  });
  return { send, answeredAt: () => at };
})();
