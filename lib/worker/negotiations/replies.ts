import type { OtklikDb } from '../db/db';
import type { NegotiationRecord, ReplyRecord } from '../../core/db/negotiation-rows';

/**
 * Replies waiting for the user. One row per topic: the employer's unanswered message(s) and a draft. State:
 * new (no draft yet) → drafted → sent | dismissed; failed = the send did not go through (try again). A new
 * employer message re-opens the row; a draft the user edited is never overwritten by a background redraft.
 */

export interface EmployerMessage {
  topicId: string;
  chatId: string | null;
  text: string;
  messageId: string;
  at: number | null;
}

/** Records an employer message; true when a draft should be written for it (new or changed message). */
export async function upsertEmployerMessage(db: OtklikDb, m: EmployerMessage, now: number): Promise<boolean> {
  return db.transaction('rw', db.replies, async () => {
    const prev = await db.replies.get(m.topicId);
    if (prev && prev.employerMessageId === m.messageId) return false;
    await db.replies.put({
      topicId: m.topicId,
      chatId: m.chatId ?? prev?.chatId ?? null,
      employerText: m.text,
      employerMessageId: m.messageId,
      employerAt: m.at ?? now,
      draft: '',
      draftBy: null,
      state: 'new',
      error: null,
      sentAt: null,
      updatedAt: now,
    });
    return true;
  });
}

/** A background draft lands only on a row still waiting for one, for the same message (no race with an edit). */
export async function saveGeneratedDraft(
  db: OtklikDb,
  topicId: string,
  messageId: string | null,
  draft: string,
  by: string,
  now: number,
  problems: string[] = [],
): Promise<boolean> {
  return db.transaction('rw', db.replies, async () => {
    const r = await db.replies.get(topicId);
    if (!r || r.state !== 'new' || r.employerMessageId !== messageId) return false;
    await db.replies.update(topicId, { draft, draftBy: by, state: 'drafted', error: null, problems, updatedAt: now });
    return true;
  });
}

export type ReplyAction = { ok: true } | { ok: false; error: string };

async function change(
  db: OtklikDb,
  topicId: string,
  fn: (r: ReplyRecord) => Partial<ReplyRecord> | string,
): Promise<ReplyAction> {
  return db.transaction('rw', db.replies, async () => {
    const r = await db.replies.get(topicId);
    if (!r) return { ok: false, error: `no message waiting for topic ${topicId}` };
    const c = fn(r);
    if (typeof c === 'string') return { ok: false, error: c };
    await db.replies.update(topicId, c);
    return { ok: true };
  });
}

export const editDraft = (db: OtklikDb, topicId: string, draft: string, now: number) =>
  change(db, topicId, (r) =>
    r.state === 'sent' ? 'already sent' : { draft, draftBy: 'user', state: 'drafted', problems: [], updatedAt: now },
  );

/** Clears the draft so the writer produces a new one. */
export const resetDraft = (db: OtklikDb, topicId: string, now: number) =>
  change(db, topicId, (r) =>
    r.state === 'sent' ? 'already sent' : { draft: '', draftBy: null, state: 'new', error: null, updatedAt: now },
  );

export const dismissReply = (db: OtklikDb, topicId: string, now: number) =>
  change(db, topicId, () => ({ state: 'dismissed', updatedAt: now }));

export const markSent = (db: OtklikDb, topicId: string, text: string, now: number) =>
  change(db, topicId, () => ({ draft: text, state: 'sent', sentAt: now, error: null, updatedAt: now }));

export const markSendFailed = (db: OtklikDb, topicId: string, error: string, now: number) =>
  change(db, topicId, () => ({ state: 'failed', error, updatedAt: now }));

/** Rows the user still has to answer, newest message first, with their negotiation (title, employer, status). */
export async function openReplies(
  db: OtklikDb,
): Promise<Array<{ reply: ReplyRecord; negotiation: NegotiationRecord | undefined }>> {
  const rows = await db.replies.where('state').anyOf(['new', 'drafted', 'failed']).toArray();
  rows.sort((a, b) => b.employerAt - a.employerAt);
  const negs = await db.negotiations.bulkGet(rows.map((r) => r.topicId));
  return rows.map((reply, i) => ({ reply, negotiation: negs[i] }));
}
