import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { getDb } from '../../lib/db';
import type { Job } from '../../lib/db/schema';
import { jobOpenUrl } from '../../lib/queue/links';
import { atTime, clock, duration } from '../../lib/i18n/format';
import { uiLang } from '../../lib/i18n/lang';
import { sendToBackground } from '../../lib/messaging';
import type { Settings } from '../../lib/settings/schema';
import { JobRow } from './JobRow';
import { useLiveQuery } from './live';
import { loadQueue, ROWS_SHOWN, type QueueSnapshot } from './load';
import { drainProgress, groupJobs, type Action, type GroupId } from './model';
import { ProgressBar } from './ProgressBar';
import { popupTexts } from './texts';

export interface QueuePanelProps {
  settings: Settings;
  /** Letter review for a job in 'review' (components/letters); absent = the edit action is not offered. */
  review?: (job: Job, close: () => void) => ComponentChildren;
  /** Approves a reviewed letter (the letters feature's message); absent = the approve action is not offered. */
  approve?: (jobId: number) => Promise<unknown>;
  /** A model download or similar long task to show a bar for; null = none. */
  task?: { label: string; ratio: number } | null;
}

/** Groups that start folded: long lists of finished jobs should not push the active ones off the popup. */
const FOLDED: ReadonlySet<GroupId> = new Set(['applied']);

/**
 * The apply queue, live from the queue database (read-only here; every change is a background message):
 * pause/resume, today's use of the cap, the next send, progress, and the jobs grouped by state.
 */
export function QueuePanel({ settings, review, approve, task }: QueuePanelProps) {
  const lang = uiLang();
  const t = popupTexts[lang];
  const ui = useMemo(
    () => ({ error: signal<string | null>(null), editing: signal<number | null>(null), busy: signal(false), resumes: signal<Record<string, string>>({}), unfolded: signal<ReadonlySet<GroupId>>(new Set()) }),
    [],
  );
  useEffect(() => {
    // Resume titles for the rows (hh.ru is asked once per popup; rows show a short hash until then).
    sendToBackground('listResumes', {}).then((r) => (ui.resumes.value = Object.fromEntries(r.resumes.map((x) => [x.hash, x.title]))), () => undefined);
  }, []);
  const unfolded = ui.unfolded.value;
  const live = useLiveQuery<QueueSnapshot>(() => loadQueue(getDb(), settings, Date.now(), unfolded), [settings, unfolded], 5_000);
  const toggleGroup = (id: GroupId) => {
    const next = new Set(ui.unfolded.value);
    if (!next.delete(id)) next.add(id);
    ui.unfolded.value = next;
  };

  const run = async (fn: () => Promise<unknown>) => {
    ui.busy.value = true;
    try {
      await fn();
      ui.error.value = null;
    } catch (e) {
      ui.error.value = t.actionFailed(e instanceof Error ? e.message : String(e));
    } finally {
      ui.busy.value = false;
    }
  };
  const onAction = (a: Action, job: Job) => {
    if (a === 'open') return void browser.tabs.create({ url: jobOpenUrl(job) });
    if (a === 'edit') return void (ui.editing.value = ui.editing.value === job.id ? null : job.id);
    if (a === 'approve' && approve) return void run(() => approve(job.id));
    if (a === 'retry') return void run(() => sendToBackground('retryJob', { jobId: job.id }).then(userResult));
    if (a === 'remove') return void run(() => sendToBackground('removeJob', { jobId: job.id }).then(userResult));
  };

  const l = live.value;
  if (l.state === 'loading') return <section class="pp__card" aria-busy="true"><p class="otk-muted">{t.loading}</p></section>;
  if (l.state === 'error') {
    return (
      <section class="pp__card" role="alert" data-testid="queue-error">
        <h2>{t.unavailable}</h2>
        <p class="otk-error">{l.error}</p>
        <p class="otk-muted">{t.unavailableHint}</p>
      </section>
    );
  }
  const { jobs, status: st, now } = l.value;
  const groups = groupJobs(jobs);
  const progress = drainProgress(jobs);
  const hidden: Action[] = [...(approve ? [] : (['approve'] as const)), ...(review ? [] : (['edit'] as const))];
  const capFull = st.cap.used >= st.cap.cap;
  return (
    <section class="pp__card" aria-labelledby="queue-h" data-testid="queue">
      <div class="pp__row">
        <h2 id="queue-h">{t.queue}</h2>
        <button
          class={`otk-btn${st.pause ? ' otk-btn--primary' : ''}`}
          type="button"
          data-testid={st.pause ? 'resume' : 'pause'}
          disabled={ui.busy.value}
          onClick={() => void run(() => sendToBackground(st.pause ? 'resumeQueue' : 'pauseQueue', {}))}
        >
          {st.pause ? t.resume : t.pause}
        </button>
      </div>
      {st.pause ? (
        <div class="pp__notice" role="status" data-testid="paused">
          <b>{t.paused}.</b> {t.pauseReason[st.pause.reason] ?? st.pause.message}
          {st.pause.reason === 'captcha' || st.pause.reason === 'logged_out' || st.pause.reason === 'xsrf' ? (
            <button type="button" class="otk-btn otk-btn--sm" onClick={() => void browser.tabs.create({ url: 'https://hh.ru/' })}>{t.openHh}</button>
          ) : null}
        </div>
      ) : null}
      <div class="pp__cap" title={t.todayHint} data-testid="cap">
        <b>{t.today(st.cap.used, st.cap.cap)}</b>
        <span class="pp__meter" aria-hidden="true"><span style={{ width: `${Math.min(100, (st.cap.used / Math.max(1, st.cap.cap)) * 100)}%` }} class={capFull ? 'full' : ''} /></span>
        <span class="otk-muted">
          {[
            st.cap.freesAt ? t.freesAt(atTime(st.cap.freesAt, now, lang)) : null,
            st.quietUntil ? t.quietUntil(clock(st.quietUntil, lang)) : null,
            !st.pause && st.nextSendAt && (st.counts.pending ?? 0) > 0
              ? st.nextSendAt - now < 3_600_000 ? t.nextIn(duration(st.nextSendAt - now, lang)) : t.nextSend(atTime(st.nextSendAt, now, lang))
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      {progress && !st.pause ? <ProgressBar label={t.draining(progress.done, progress.total)} ratio={progress.done / progress.total} testid="drain-progress" /> : null}
      {task ? <ProgressBar label={task.label} ratio={task.ratio} testid="task-progress" /> : null}
      {ui.error.value ? <p class="otk-error" role="alert">{ui.error.value}</p> : null}
      {groups.length === 0 ? (
        <div class="pp__empty" data-testid="queue-empty">
          <b>{t.empty}</b>
          <span class="otk-muted">{t.emptyHint}</span>
        </div>
      ) : (
        groups.map((g) => {
          const total = g.id === 'failed' ? (st.counts.failed ?? 0) + (st.counts.skipped ?? 0) : (st.counts[g.id] ?? g.jobs.length);
          const open = unfolded.has(g.id);
          const rows = open ? g.jobs : g.jobs.slice(0, ROWS_SHOWN);
          const list = (
            <ul class="pp-jobs">
              {rows.map((job) => (
                <JobRow
                  key={job.id}
                  job={job}
                  t={t}
                  lang={lang}
                  resumeTitle={ui.resumes.value[job.resumeHash]}
                  hide={hidden}
                  onAction={onAction}
                  review={review && ui.editing.value === job.id ? review(job, () => (ui.editing.value = null)) : undefined}
                />
              ))}
              {total > rows.length || open ? (
                <li class="pp-jobs__more">
                  <button type="button" class="pp-jobs__unfold" data-testid="group-unfold" aria-expanded={open} onClick={() => toggleGroup(g.id)}>
                    {open ? t.fewer : t.more(total - rows.length)}
                  </button>
                </li>
              ) : null}
            </ul>
          );
          const head = (
            <>
              {t.groups[g.id]} <span class="pp-group__n">{total}</span>
            </>
          );
          return FOLDED.has(g.id) ? (
            <details class="pp-group" data-group={g.id} key={g.id}>
              <summary><h3>{head}</h3></summary>
              {list}
            </details>
          ) : (
            <section class="pp-group" data-group={g.id} key={g.id} aria-label={t.groups[g.id]}>
              <h3>{head}</h3>
              {list}
            </section>
          );
        })
      )}
    </section>
  );
}

/** retry/remove answer `{ok:false,error}` for a job that moved on meanwhile: show it like a thrown error. */
function userResult(r: { ok: boolean; error?: string | undefined }): void {
  if (!r.ok) throw new Error(r.error ?? 'refused');
}
