import type { OtklikDb } from '../db/db';
import type { ChatMessage, ChatResult } from '../../core/hh/chat';
import type { NegotiationsFetch } from '../../core/hh/negotiations';
import { isNegotiationsPage } from '../../core/hh/page-detect';
import { chatPageUrl, negotiationsPageUrl } from '../../core/hh/urls';
import type { Handlers } from '../../core/messaging/router';
import { computeFunnel, type FunnelItem } from './funnel';
import type { negotiationMessages } from '../../core/negotiations/protocol';
import { unansweredEmployerText } from './reply-draft';
import {
  dismissReply,
  editDraft,
  markSendFailed,
  markSent,
  openReplies,
  resetDraft,
  saveGeneratedDraft,
  upsertEmployerMessage,
} from './replies';
import { applySnapshot, type Snapshot, type SyncResult } from './sync';
import type { Invitation } from '../notify/invitations';
import type { Settings } from '../../core/settings/schema';

/** What the handlers need; injected so they run in unit tests without a worker or a network. */
export interface NegotiationDeps {
  db: () => OtklikDb;
  now: () => number;
  settings: () => Promise<Settings>;
  /** One page of the responses list (0 = newest). */
  fetchPage: (page: number) => Promise<NegotiationsFetch>;
  fetchChat: (chatId: string) => Promise<ChatResult<ChatMessage[]>>;
  sendChat: (req: { chatId: string; text: string; idempotencyKey: string }) => Promise<ChatResult<null>>;
  /** Writes a reply draft (provider or template); says who wrote it. Never sends anything. */
  draft: (input: {
    settings: Settings;
    title: string;
    employer: string;
    employerText: string;
  }) => Promise<{ text: string; by: string; problems?: string[] }>;
  /** Last sync time / error (storage), for the popup. */
  syncState: {
    get: () => Promise<{ at: number | null; error: string | null }>;
    set: (s: { at: number | null; error: string | null }) => Promise<void>;
  };
  /** Fire-and-forget work after a sync (the worker runs it without holding the caller). */
  background: (p: Promise<unknown>) => void;
  log?: (m: string) => void;
  /** Topics that turned into invitations in this sync (issue 7: browser / Telegram notices). */
  onInvitations?: (list: Invitation[]) => void;
}

/** How many pages of responses the worker reads per sync (20 per page on hh): recent ones change most. */
export const SYNC_PAGES = 2;

const MAX_CHATS_PER_SYNC = 10;

/** Reads chats with new employer messages and drafts replies (outside any transaction: network and LLM). */
export async function handleNewMessages(deps: NegotiationDeps, topics: SyncResult['newMessages']): Promise<number> {
  const db = deps.db();
  const s = await deps.settings();
  let drafted = 0;
  for (const { topicId, chatId } of topics.slice(0, MAX_CHATS_PER_SYNC)) {
    if (!chatId) continue;
    const chat = await deps.fetchChat(chatId);
    if (!chat.ok) {
      deps.log?.(`chat ${chatId}: ${chat.error} ${chat.detail}`);
      continue;
    }
    const msg = unansweredEmployerText(chat.value);
    if (!msg) continue;
    const fresh = await upsertEmployerMessage(
      db,
      { topicId, chatId, text: msg.text, messageId: msg.messageId, at: msg.at },
      deps.now(),
    );
    if (!fresh || !s.qa.draftReplies) continue;
    if (await writeDraft(deps, s, topicId)) drafted++;
  }
  return drafted;
}

async function writeDraft(deps: NegotiationDeps, s: Settings, topicId: string): Promise<boolean> {
  const db = deps.db();
  const reply = await db.replies.get(topicId);
  if (!reply || reply.state !== 'new') return false;
  const neg = await db.negotiations.get(topicId);
  const d = await deps.draft({
    settings: s,
    title: neg?.title ?? '',
    employer: neg?.employer ?? '',
    employerText: reply.employerText,
  });
  return saveGeneratedDraft(db, topicId, reply.employerMessageId, d.text, d.by, deps.now(), d.problems ?? []);
}

async function syncSnapshot(deps: NegotiationDeps, snap: Snapshot) {
  const r = await applySnapshot(deps.db(), snap, deps.now());
  if (r.newMessages.length) deps.background(handleNewMessages(deps, r.newMessages));
  const invited = r.changes.filter((c) => c.to === 'invitation');
  if (invited.length && deps.onInvitations) {
    const recs = await deps.db().negotiations.bulkGet(invited.map((c) => c.topicId));
    deps.onInvitations(
      recs.flatMap((x) =>
        x ? [{ topicId: x.topicId, title: x.title, employer: x.employer, vacancyId: x.vacancyId }] : [],
      ),
    );
  }
  return {
    ok: true,
    created: r.created,
    updated: r.updated,
    changed: r.changes.length,
    newMessages: r.newMessages.length,
  };
}

/** The worker's own read of the responses pages (alarm, popup "refresh"). */
export async function syncFromHh(deps: NegotiationDeps) {
  const cards: Snapshot['cards'][number][] = [];
  const topics: Snapshot['topics'][number][] = [];
  for (let page = 0; page < SYNC_PAGES; page++) {
    const r = await deps.fetchPage(page);
    if (!r.ok) {
      if (page === 0) {
        const error = `${r.error}: ${r.detail}`;
        await deps.syncState.set({ ...(await deps.syncState.get()), error });
        return { ok: false, error, created: 0, updated: 0, changed: 0, newMessages: 0 };
      }
      break;
    }
    cards.push(...r.page.cards);
    topics.push(...r.page.topics);
    if (r.page.cards.length < 20) break;
  }
  const out = await syncSnapshot(deps, { cards, topics });
  await deps.syncState.set({ at: deps.now(), error: null });
  return out;
}

/** The list page a responses-page URL shows (hh's `page=N`, 0 = newest); 0 when absent or odd. */
export function listPageOf(url: string): number {
  try {
    const n = Number(new URL(url).searchParams.get('page') ?? 0);
    return Number.isInteger(n) && n >= 0 && n < 50 ? n : 0;
  } catch {
    return 0;
  }
}

/** One page of the list read by the worker itself (a page's report asks for this; it never supplies the data). */
export async function syncPageFromHh(deps: NegotiationDeps, page: number) {
  const r = await deps.fetchPage(page);
  if (!r.ok) {
    const error = `${r.error}: ${r.detail}`;
    await deps.syncState.set({ ...(await deps.syncState.get()), error });
    return { ok: false, error, created: 0, updated: 0, changed: 0, newMessages: 0 };
  }
  const out = await syncSnapshot(deps, { cards: r.page.cards, topics: r.page.topics });
  await deps.syncState.set({ at: deps.now(), error: null });
  return out;
}

/**
 * A page's reports of one list page within this time share the worker's one read of it: a burst costs hh one
 * request, and a page script cannot make the worker read more than once per window. Short, because a report after
 * the user navigates must see hh's list as it is now (10 s returned the read made before an invitation came).
 */
export const REPORT_CONFIRM_MS = 2_000;

async function funnelItems(db: OtklikDb): Promise<FunnelItem[]> {
  const records = await db.negotiations.toArray();
  const linkedJobs = new Set(records.map((r) => r.jobId).filter((id): id is number => id !== null));
  const topics = new Set(records.map((r) => r.topicId));
  const applied = await db.jobs.where('state').equals('applied').toArray();
  const items: FunnelItem[] = [...records];
  // Applications the queue sent that no sync has seen yet count as sent.
  for (const j of applied) {
    if (linkedJobs.has(j.id) || (j.outcome?.topicId && topics.has(j.outcome.topicId))) continue;
    items.push({
      appliedAt: j.outcome?.at ?? j.updatedAt,
      viewedAt: null,
      invitedAt: null,
      rejectedAt: null,
      archivedAt: null,
      score: j.vacancy.score ?? null,
      status: 'sent',
    });
  }
  return items;
}

export function createNegotiationHandlers(deps: NegotiationDeps): Handlers<typeof negotiationMessages> {
  let lastRead: { page: number; at: number; result: ReturnType<typeof syncPageFromHh> } | null = null;
  return {
    reportNegotiations: async ({ url }) => {
      // Only the responses page itself may report responses (a confused or foreign page changes nothing).
      if (!isNegotiationsPage(url))
        return { ok: false, error: 'not the hh responses page', created: 0, updated: 0, changed: 0, newMessages: 0 };
      // The report is only a hint that the list changed: a page script can forge its cards and topics (a waiting
      // job "applied", a link in a notice). The worker reads the same list page from hh with its own request and
      // records only what hh sent it; reports in a burst share one read.
      const page = listPageOf(url);
      const now = deps.now();
      if (!lastRead || lastRead.page !== page || now - lastRead.at >= REPORT_CONFIRM_MS)
        lastRead = { page, at: now, result: syncPageFromHh(deps, page) };
      return lastRead.result;
    },
    syncNegotiations: () => syncFromHh(deps),
    negotiationsFunnel: async ({ weeks }) => {
      const s = await deps.settings();
      const f = computeFunnel(await funnelItems(deps.db()), { weeks: weeks ?? 8 });
      const sync = await deps.syncState.get();
      return {
        ...f,
        syncedAt: sync.at,
        syncError: sync.error,
        thresholds: { hide: s.triage.hideBelow ?? 0.3, dim: s.triage.dimBelow ?? 0.55 },
      };
    },
    listReplies: async () => {
      const rows = await openReplies(deps.db());
      return {
        replies: rows.map(({ reply: r, negotiation: n }) => ({
          topicId: r.topicId,
          chatId: r.chatId,
          title: n?.title ?? '',
          employer: n?.employer ?? '',
          status: n?.status ?? 'sent',
          employerText: r.employerText,
          employerAt: r.employerAt,
          draft: r.draft,
          draftBy: r.draftBy,
          state: r.state,
          error: r.error,
          problems: r.problems ?? [],
          chatUrl: r.chatId ? chatPageUrl(r.chatId) : negotiationsPageUrl(),
        })),
      };
    },
    updateReplyDraft: ({ topicId, draft }) => editDraft(deps.db(), topicId, draft, deps.now()),
    redraftReply: async ({ topicId }) => {
      const r = await resetDraft(deps.db(), topicId, deps.now());
      if (!r.ok) return r;
      const s = await deps.settings();
      return (await writeDraft(deps, s, topicId))
        ? { ok: true }
        : { ok: false, error: 'the draft could not be written' };
    },
    sendReply: async ({ topicId, text }) => {
      const db = deps.db();
      const reply = await db.replies.get(topicId);
      if (!reply) return { ok: false, error: `no message waiting for topic ${topicId}` };
      if (reply.state === 'sent') return { ok: false, error: 'already sent' };
      const chatId = reply.chatId ?? (await db.negotiations.get(topicId))?.chatId ?? null;
      if (!chatId) return { ok: false, error: 'hh gave no chat for this response: answer on hh.ru' };
      // Same message answered twice (double click, retry after a lost answer) = the same key: hh keeps one.
      const r = await deps.sendChat({
        chatId,
        text,
        idempotencyKey: `otklik-${topicId}-${reply.employerMessageId ?? reply.employerAt}`,
      });
      if (!r.ok) {
        const error = `${r.error}: ${r.detail}`;
        await markSendFailed(db, topicId, error, deps.now());
        return { ok: false, error };
      }
      await markSent(db, topicId, text, deps.now());
      return { ok: true };
    },
    dismissReply: ({ topicId }) => dismissReply(deps.db(), topicId, deps.now()),
  };
}
