import { isHhHost } from '../hh/urls';
import { ENGINE_PORT } from '../letters/engine-protocol';
import { LETTER_PORT } from '../letters/port-protocol';
import type { toBackground } from './protocol';
import type { Sender } from './router';

/**
 * Who may send what: one table, checked by the worker's router before a message is parsed or handled.
 *
 * - `listing`: the content script on every hh page (entrypoints/hh.content): triage, the badges' queue buttons.
 * - `pageFeatures`: the bundle the worker injects into hh vacancy / responses / questionnaire pages
 *   (entrypoints/hh-pages.content): vacancy panel, responses report.
 * - `extension`: the extension's own pages — popup, options, offscreen document.
 *
 * Both content scripts run in the extension's isolated world of an hh tab, and the browser reports them alike
 * (`sender.tab` set, `sender.url` the hh page's): a sender counts as either. What matters is the line between
 * them and the extension's pages: a content script lives inside a page we do not control (a compromised
 * renderer can send anything a content script can), so nothing that changes the queue's course, reads the
 * user's data wholesale, touches keys or settings, or spends the user's provider may come from there.
 */
export type SenderContext = 'listing' | 'pageFeatures' | 'extension';
export type MessagePolicy = { readonly [K in keyof typeof toBackground]: readonly SenderContext[] };

const L = 'listing';
const P = 'pageFeatures';
const E = 'extension';

export const MESSAGE_POLICY: MessagePolicy = {
  ping: [E],
  getTabTriage: [E],
  // The listing content script.
  wakeUp: [L],
  triageCards: [L],
  triageState: [L],
  reportTriage: [L],
  openOptions: [L],
  loadPageFeatures: [L],
  // A badge's "relevant" / "not for me" (user clicks); seeing and forgetting what was learned: extension pages only.
  triageFeedback: [L],
  feedbackSummary: [E],
  resetFeedback: [E],
  // One vacancy scored as the listing scores it: the vacancy panel; the options preview (extension pages only).
  scoreVacancy: [P],
  scorePreview: [E],
  // Badge / vacancy-panel queue buttons (user clicks only: the pages check isTrusted); extension: popup tools.
  enqueueMany: [L, P, E],
  jobsForVacancies: [L, P, E],
  // The vacancy panel's "queue with this letter"; the popup's suggestions and tests.
  enqueue: [P, E],
  queueStatus: [E],
  listJobs: [E],
  jobHistory: [E],
  pauseQueue: [E],
  resumeQueue: [E],
  retryJob: [E],
  removeJob: [E],
  listResumes: [E],
  // Letters: review, keys, providers, local models — the popup and options only.
  getLetter: [E],
  updateLetter: [E],
  approveJob: [E],
  regenerateLetter: [E],
  testProvider: [E],
  providerStatus: [E],
  downloadModel: [E],
  deleteModel: [E],
  setApiKey: [E],
  moveApiKeys: [E],
  // Discovery & notifications.
  discoveryStatus: [E],
  listSuggestions: [E],
  suggestionAction: [E],
  runDiscovery: [E],
  resumeDiscovery: [E],
  forgetDiscovered: [E],
  // The vacancy panel's "hide this employer" (a user click), and the options page.
  hideEmployer: [P, E],
  // The vacancy panel's employer warnings (read only: what hh's search states said about an employer).
  knownSignals: [P],
  telegramTest: [E],
  importResume: [E],
  // Responses: the page reports what it shows (the worker confirms with hh before a job changes state).
  reportNegotiations: [P],
  syncNegotiations: [E],
  negotiationsFunnel: [E],
  listReplies: [E],
  updateReplyDraft: [E],
  redraftReply: [E],
  sendReply: [E],
  dismissReply: [E],
};

/** Ports (runtime.connect) by name, with the same contexts. */
export const PORT_POLICY: Readonly<Record<string, readonly SenderContext[]>> = {
  // "Write a letter now": the vacancy panel, and extension pages.
  [LETTER_PORT]: [P, E],
  // The worker ↔ the offscreen document's local model; never a content script.
  [ENGINE_PORT]: [E],
};

/** This extension, as the browser names it (runtime.id and the origin of its pages). */
export interface Self {
  id: string;
  origin: string;
}

/**
 * What the browser says about a sender: an extension page (same extension, URL at the extension's origin, no
 * tab or a tab showing an extension page), a content script in an hh page (same extension, a tab, the top
 * frame, an https hh URL), or neither (null: refused everywhere).
 */
export function senderKind(sender: Sender, self: Self): 'extension' | 'content' | null {
  if (sender.id !== self.id || !sender.url) return null;
  const atExtension = (u: string | undefined) => u !== undefined && u.startsWith(`${self.origin}/`);
  if (atExtension(sender.url) && (sender.origin === undefined || sender.origin === self.origin)) {
    return sender.tabId === undefined || atExtension(sender.tabUrl) ? 'extension' : null;
  }
  if (sender.tabId === undefined || (sender.frameId !== undefined && sender.frameId !== 0)) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  return url.protocol === 'https:' && isHhHost(url.hostname) ? 'content' : null;
}

/** Whether `contexts` admits this sender. */
export function allowedFrom(contexts: readonly SenderContext[], sender: Sender, self: Self): boolean {
  const kind = senderKind(sender, self);
  if (kind === 'extension') return contexts.includes('extension');
  if (kind === 'content') return contexts.includes('listing') || contexts.includes('pageFeatures');
  return false;
}

/** The router's check for one message type; unknown types are refused (the router reports them first). */
export function messageAllowed(type: string, sender: Sender, self: Self): boolean {
  const contexts = Object.prototype.hasOwnProperty.call(MESSAGE_POLICY, type)
    ? MESSAGE_POLICY[type as keyof MessagePolicy]
    : undefined;
  return contexts !== undefined && allowedFrom(contexts, sender, self);
}

/** The same for a port by its name. */
export function portAllowed(name: string, sender: Sender, self: Self): boolean {
  const contexts = Object.prototype.hasOwnProperty.call(PORT_POLICY, name) ? PORT_POLICY[name] : undefined;
  return contexts !== undefined && allowedFrom(contexts, sender, self);
}
