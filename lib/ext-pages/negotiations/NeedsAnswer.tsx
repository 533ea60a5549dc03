import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { uiLang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import type { ReplyView } from '../../core/negotiations/protocol';
import { negotiationTexts } from './texts';
import './negotiations.css';

const POLL_MS = 3000;

/**
 * "Needs your answer": employer messages with a draft reply to edit. Nothing is sent unless the user presses
 * Send on that very message; the employer's text is shown as plain text (Preact escapes it), never as HTML.
 */
export function NeedsAnswer() {
  const t = negotiationTexts[uiLang()];
  const st = useMemo(
    () => ({
      list: signal<ReplyView[] | null>(null),
      edits: signal<Record<string, string>>({}),
      busy: signal<string | null>(null),
      msg: signal<Record<string, string>>({}),
    }),
    [],
  );
  const load = () =>
    sendToBackground('listReplies', {})
      .then((r) => (st.list.value = r.replies))
      .catch(() => undefined);
  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(id);
  }, []);
  const list = st.list.value;
  // Nothing to answer: no card at all (the popup is small; the funnel below says the rest).
  if (!list?.length) return null;
  const textOf = (r: ReplyView) => st.edits.value[r.topicId] ?? r.draft;
  const setMsg = (topicId: string, m: string) => (st.msg.value = { ...st.msg.value, [topicId]: m });
  const act = async (r: ReplyView, fn: () => Promise<{ ok: boolean; error?: string | undefined }>, done?: string) => {
    st.busy.value = r.topicId;
    try {
      const res = await fn();
      setMsg(r.topicId, res.ok ? (done ?? '') : t.failed(res.error ?? ''));
      if (res.ok) {
        const { [r.topicId]: _drop, ...rest } = st.edits.value;
        st.edits.value = rest;
      }
    } catch (e) {
      setMsg(r.topicId, t.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      st.busy.value = null;
      await load();
    }
  };
  return (
    <section class="pp__card otk-needs" aria-labelledby="needs-h" data-testid="needs-answer">
      <h2 id="needs-h">
        {t.needs} ({list.length})
      </h2>
      <p class="otk-muted">{t.neverAuto}</p>
      {list.map((r) => (
        <article
          key={r.topicId}
          class="otk-needs__item"
          data-testid="reply"
          data-topic={r.topicId}
          data-state={r.state}
        >
          <div>
            <b>{r.title || '—'}</b>
            {r.employer ? ` — ${r.employer}` : ''} <span class="otk-muted">· {t.status[r.status] ?? r.status}</span>
          </div>
          <div class="otk-muted">{t.employerSays}:</div>
          <div class="otk-needs__msg" data-testid="employer-text">
            {r.employerText}
          </div>
          <label class="otk-muted" for={`draft-${r.topicId}`}>
            {t.draft}
            {r.draftBy ? ` (${t.draftBy(r.draftBy)})` : ''}
          </label>
          {r.state === 'new' && !st.edits.value[r.topicId] ? <p class="otk-muted">{t.drafting}</p> : null}
          <textarea
            id={`draft-${r.topicId}`}
            class="otk-needs__draft"
            rows={4}
            maxLength={4000}
            data-testid="draft"
            value={textOf(r)}
            onInput={(e) =>
              (st.edits.value = { ...st.edits.value, [r.topicId]: (e.target as HTMLTextAreaElement).value })
            }
            onBlur={() => {
              const v = st.edits.value[r.topicId];
              if (v !== undefined && v !== r.draft)
                void sendToBackground('updateReplyDraft', { topicId: r.topicId, draft: v }).catch(() => undefined);
            }}
          />
          {r.problems.length ? (
            <div class="otk-needs__problems" role="alert" data-testid="draft-problems">
              {t.checkDraft}
              <ul>
                {r.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {r.error ? <p class="otk-error">{t.failed(r.error)}</p> : null}
          {st.msg.value[r.topicId] ? (
            <p class="otk-muted" role="status">
              {st.msg.value[r.topicId]}
            </p>
          ) : null}
          <div class="otk-needs__acts">
            <button
              type="button"
              class="otk-btn otk-btn--sm otk-btn--primary"
              data-testid="send-reply"
              disabled={st.busy.value === r.topicId || !textOf(r).trim()}
              onClick={() =>
                void act(r, () => sendToBackground('sendReply', { topicId: r.topicId, text: textOf(r).trim() }), t.sent)
              }
            >
              {st.busy.value === r.topicId ? t.sending : t.send}
            </button>
            <button
              type="button"
              class="otk-btn otk-btn--sm"
              disabled={st.busy.value === r.topicId}
              onClick={() => void act(r, () => sendToBackground('redraftReply', { topicId: r.topicId }))}
            >
              {t.redraft}
            </button>
            <button
              type="button"
              class="otk-btn otk-btn--sm"
              disabled={st.busy.value === r.topicId}
              onClick={() => void act(r, () => sendToBackground('dismissReply', { topicId: r.topicId }))}
            >
              {t.dismiss}
            </button>
            <a class="otk-btn otk-btn--sm" href={r.chatUrl} target="_blank" rel="noreferrer">
              {t.openChat}
            </a>
          </div>
        </article>
      ))}
    </section>
  );
}
