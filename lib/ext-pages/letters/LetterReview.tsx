import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { uiLang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import type { LetterView } from '../../core/messaging/protocol';
import { letterTexts } from './texts';
import './letters.css';

export interface LetterReviewProps {
  jobId: number;
  /** After approval or when the user collapses the review. */
  onClose?: () => void;
  /** Injected in tests; defaults to the background messages. */
  send?: typeof sendToBackground;
}

/**
 * Review of one job's cover letter: the text in an edit box, what the vacancy asks for (surfaced, never
 * obeyed by the model), what the checks found, who wrote it; save, approve (→ the queue sends it), write again.
 * Self-contained: props in, background messages out.
 */
export function LetterReview({ jobId, onClose, send = sendToBackground }: LetterReviewProps) {
  const t = letterTexts[uiLang()];
  const s = useMemo(
    () => ({
      view: signal<LetterView | null>(null),
      text: signal(''),
      dirty: signal(false),
      note: signal<string | null>(null),
      error: signal<string | null>(null),
      busy: signal(false),
    }),
    [jobId],
  );

  const load = async () => {
    try {
      const v = await send('getLetter', { jobId });
      s.view.value = v;
      if (!s.dirty.value) s.text.value = v.letter ?? '';
      s.error.value = null;
    } catch (e) {
      s.error.value = e instanceof Error ? e.message : String(e);
    }
  };
  useEffect(() => {
    void load();
    // While the draft is being written, look again (the worker writes it in the background).
    const timer = setInterval(() => {
      const st = s.view.value?.status;
      if (st === 'writing' || st === 'none') void load();
    }, 1500);
    return () => clearInterval(timer);
  }, [jobId]);

  const act = async (fn: () => Promise<void>) => {
    s.busy.value = true;
    try {
      await fn();
      s.error.value = null;
    } catch (e) {
      s.error.value = e instanceof Error ? e.message : String(e);
    } finally {
      s.busy.value = false;
    }
  };
  const save = () =>
    act(async () => {
      s.view.value = await send('updateLetter', { jobId, letter: s.text.value });
      s.dirty.value = false;
      s.note.value = t.saved;
    });
  const approve = () =>
    act(async () => {
      const r = await send('approveJob', { jobId, letter: s.text.value });
      if (!r.ok) throw new Error(r.error ?? 'approve failed');
      s.note.value = t.approved;
      onClose?.();
    });
  const regenerate = () =>
    act(async () => {
      const r = await send('regenerateLetter', { jobId });
      if (!r.ok) throw new Error(r.error ?? 'regenerate failed');
      s.dirty.value = false;
      s.text.value = '';
      await load();
    });

  const v = s.view.value;
  const waiting = !v || v.status === 'writing' || v.status === 'none';
  return (
    <div class="otk-letter" data-testid="letter-review" data-status={v?.status ?? 'loading'}>
      <div class="otk-letter__head">
        <b>{t.letter}</b>
        <span class="otk-muted" data-testid="letter-source">
          {v?.status === 'writing'
            ? t.writing
            : v?.status === 'none'
              ? t.none
              : v?.provider
                ? t.by(t.providers[v.provider] ?? v.provider)
                : ''}
        </span>
      </div>
      {v?.reason && t.waitReason[v.reason] ? (
        <p class="otk-letter__warn" role="status">
          {t.waitReason[v.reason]}
        </p>
      ) : null}
      {v?.status === 'failed' ? (
        <p class="otk-error" role="alert">
          {t.failed(v.error ?? '')}
        </p>
      ) : null}
      {v?.fallbackReason ? (
        <p class="otk-letter__warn" data-testid="letter-fallback">
          {t.fallback(v.fallbackReason)}
        </p>
      ) : null}
      {v?.noDescription ? <p class="otk-muted">{t.noDescription}</p> : null}
      {v && v.asks.length ? (
        <div class="otk-letter__asks" role="note" data-testid="letter-asks">
          <b>{t.asks}</b>
          <ul>
            {v.asks.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <textarea
        class="otk-letter__text"
        data-testid="letter-text"
        rows={8}
        maxLength={10_000}
        disabled={waiting && !s.dirty.value}
        placeholder={waiting ? t.writing : ''}
        value={s.text.value}
        onInput={(e) => {
          s.text.value = e.currentTarget.value;
          s.dirty.value = true;
          s.note.value = null;
        }}
      />
      <div class="otk-muted otk-letter__count">{s.text.value.length} / 10000</div>
      {v && v.problems.length ? (
        <div class="otk-letter__problems" data-testid="letter-problems">
          <b>{t.problems}</b>
          <ul>
            {v.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {s.error.value ? (
        <p class="otk-error" role="alert">
          {s.error.value}
        </p>
      ) : null}
      {s.note.value ? (
        <p class="otk-muted" role="status">
          {s.note.value}
        </p>
      ) : null}
      <div class="otk-letter__acts">
        <button
          type="button"
          class="otk-btn otk-btn--primary otk-btn--sm"
          data-testid="letter-approve"
          disabled={s.busy.value || (waiting && !s.dirty.value)}
          onClick={() => void approve()}
        >
          {t.approve}
        </button>
        <button
          type="button"
          class="otk-btn otk-btn--sm"
          data-testid="letter-save"
          disabled={s.busy.value || !s.dirty.value}
          onClick={() => void save()}
        >
          {t.save}
        </button>
        <button
          type="button"
          class="otk-btn otk-btn--sm"
          data-testid="letter-regenerate"
          disabled={s.busy.value || v?.status === 'writing'}
          onClick={() => void regenerate()}
        >
          {t.regenerate}
        </button>
        {onClose ? (
          <button type="button" class="otk-btn otk-btn--sm" onClick={onClose}>
            {t.close}
          </button>
        ) : null}
      </div>
    </div>
  );
}
