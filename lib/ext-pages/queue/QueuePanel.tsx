import type { ComponentChildren } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { hhHomeUrl } from '../../core/hh/urls';
import { getDb } from '../../worker/db';
import type { Job } from '../../core/db/schema';
import { jobOpenUrl } from '../../worker/queue/links';
import { atTime, clock, duration } from '../../core/i18n/format';
import { uiLang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import type { Settings } from '../../core/settings/schema';
import { JobRow } from './JobRow';
import { useLiveQuery } from './live';
import { loadQueue, ROWS_SHOWN, type QueueSnapshot } from './load';
import { drainProgress, groupJobs, type Action, type GroupId } from './model';
import { ProgressBar } from './ProgressBar';
import { popupTexts } from './texts';

export interface QueuePanelProps {
  settings: Settings;
  /** Letter review for a job in 'review' (lib/ext-pages/letters); absent = the edit action is not offered. */
  review?: (job: Job, close: () => void) => ComponentChildren;
  /** Approves a reviewed letter (the letters feature's message); absent = the approve action is not offered. */
  approve?: (jobId: number) => Promise<unknown>;
  /** A model download or similar long task to show a bar for; null = none. */
  task?: { label: string; ratio: number } | null;
  /**
   * What to show: 'all' (status and every group), 'summary' (what needs the user, then what is happening: the
   * popup's first view), 'active' (status and the open jobs), 'history' (the finished jobs).
   */
  mode?: 'all' | 'summary' | 'active' | 'history';
  /** Summary: "and N more" leads here (the full list) instead of unfolding in place. */
  onMore?: () => void;
  /** Summary: more things that need the user (employer replies), shown inside the "needs you" card. */
  needsExtra?: ComponentChildren;
}

/** Groups that start folded: long lists of finished jobs should not push the active ones off the popup. */
const FOLDED: ReadonlySet<GroupId> = new Set(['applied']);
const NEEDS_YOU: readonly GroupId[] = ['needs_user', 'review'];
const GROUPS_OF_MODE: Record<NonNullable<QueuePanelProps['mode']>, readonly GroupId[] | null> = {
  all: null,
  summary: NEEDS_YOU,
  active: ['needs_user', 'review', 'processing', 'pending'],
  history: ['failed', 'applied'],
};
/** Pauses only the user can end (on hh.ru): they belong to "needs you", not to the status line. */
const USER_MUST_ACT: ReadonlySet<string> = new Set(['captcha', 'logged_out', 'xsrf']);
/** Rows per group in the summary: the popup is 600 px at most; the rest is one click away. */
const SUMMARY_ROWS = 3;

/**
 * The apply queue, live from the queue database (read-only here; every change is a background message):
 * what needs the user, today's use of the cap, the next send, pause/continue, and the jobs grouped by state.
 */
export function QueuePanel({ settings, review, approve, task, mode = 'all', onMore, needsExtra }: QueuePanelProps) {
  const lang = uiLang();
  const t = popupTexts[lang];
  const ui = useMemo(
    () => ({
      error: signal<string | null>(null),
      editing: signal<number | null>(null),
      busy: signal(false),
      resumes: signal<Record<string, string>>({}),
      unfolded: signal<ReadonlySet<GroupId>>(new Set(mode === 'history' ? ['applied'] : [])),
    }),
    [],
  );
  useEffect(() => {
    // Resume titles for the rows (hh.ru is asked once per popup; rows show a short hash until then).
    sendToBackground('listResumes', {}).then(
      (r) => (ui.resumes.value = Object.fromEntries(r.resumes.map((x) => [x.hash, x.title]))),
      () => undefined,
    );
  }, []);
  const unfolded = ui.unfolded.value;
  const live = useLiveQuery<QueueSnapshot>(
    () => loadQueue(getDb(), settings, Date.now(), unfolded),
    [settings, unfolded],
    5_000,
  );
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
    // The worker sends it only for a job waiting for exactly this confirmation (lib/worker/queue/hh-conditions.ts).
    if (a === 'confirm') return void run(() => sendToBackground('retryJob', { jobId: job.id }).then(userResult));
    if (a === 'retry') return void run(() => sendToBackground('retryJob', { jobId: job.id }).then(userResult));
    if (a === 'remove') return void run(() => sendToBackground('removeJob', { jobId: job.id }).then(userResult));
  };

  const l = live.value;
  if (l.state === 'loading')
    return (
      <section class="pp__card" aria-busy="true" data-testid="queue">
        <p class="otk-muted">{t.loading}</p>
      </section>
    );
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
  const only = GROUPS_OF_MODE[mode];
  const groups = groupJobs(jobs).filter((g) => !only || only.includes(g.id));
  const progress = drainProgress(jobs);
  const hidden: Action[] = [...(approve ? [] : (['approve'] as const)), ...(review ? [] : (['edit'] as const))];
  const capFull = st.cap.used >= st.cap.cap;
  const waiting = (st.counts.pending ?? 0) + (st.counts.processing ?? 0);
  const mustAct = !!st.pause && USER_MUST_ACT.has(st.pause.reason);
  const pauseButton = (primary: boolean) => (
    <button
      class={`otk-btn otk-btn--sm${primary ? ' otk-btn--primary' : ''}`}
      type="button"
      data-testid={st.pause ? 'resume' : 'pause'}
      disabled={ui.busy.value}
      onClick={() => void run(() => sendToBackground(st.pause ? 'resumeQueue' : 'pauseQueue', {}))}
    >
      {st.pause ? t.resume : t.pause}
    </button>
  );
  const pauseNote = st.pause ? (
    <div
      class={`otk-note ${mustAct ? 'otk-note--needs' : 'otk-note--info'} pp__notice`}
      role="status"
      data-testid="paused"
    >
      <span>
        <b>{t.paused}.</b> {t.pauseReason[st.pause.reason] ?? st.pause.message}
      </span>
      <span class="pp__notice-acts">
        {mustAct ? (
          <button
            type="button"
            class="otk-btn otk-btn--sm otk-btn--primary"
            onClick={() => void browser.tabs.create({ url: hhHomeUrl() })}
          >
            {t.openHh}
          </button>
        ) : null}
        {pauseButton(!mustAct)}
      </span>
    </div>
  ) : null;

  const lines = [
    st.cap.freesAt ? t.freesAt(atTime(st.cap.freesAt, now, lang)) : null,
    st.quietUntil ? t.quietUntil(clock(st.quietUntil, lang)) : null,
    !st.pause && st.nextSendAt && (st.counts.pending ?? 0) > 0
      ? st.nextSendAt - now < 3_600_000
        ? t.nextIn(duration(st.nextSendAt - now, lang))
        : t.nextSend(atTime(st.nextSendAt, now, lang))
      : null,
  ].filter((x): x is string => !!x);
  const status = (
    <div class="pp__status">
      {pauseNote && !(mode === 'summary' && mustAct) ? pauseNote : null}
      <div class="pp__cap" title={t.todayHint} data-testid="cap">
        <b>{t.today(st.cap.used, st.cap.cap)}</b>
        <span class="pp__meter" aria-hidden="true">
          <span
            style={{ width: `${Math.min(100, (st.cap.used / Math.max(1, st.cap.cap)) * 100)}%` }}
            class={capFull ? 'full' : ''}
          />
        </span>
      </div>
      <div class="pp__line">
        <span data-testid="queued">{waiting ? t.queued(waiting) : t.nothingQueued}</span>
        {waiting && !st.pause ? pauseButton(false) : null}
      </div>
      {lines.map((x) => (
        <div key={x} class="pp__line otk-muted">
          {x}
        </div>
      ))}
      {progress && !st.pause && progress.total > 1 ? (
        <ProgressBar
          label={t.draining(progress.done, progress.total)}
          ratio={progress.done / progress.total}
          testid="drain-progress"
        />
      ) : null}
      {task ? <ProgressBar label={task.label} ratio={task.ratio} testid="task-progress" /> : null}
    </div>
  );

  const groupList = (g: (typeof groups)[number]) => {
    const total =
      g.id === 'failed' ? (st.counts.failed ?? 0) + (st.counts.skipped ?? 0) : (st.counts[g.id] ?? g.jobs.length);
    const open = unfolded.has(g.id);
    const shownRows = mode === 'summary' ? SUMMARY_ROWS : ROWS_SHOWN;
    const rows = open ? g.jobs : g.jobs.slice(0, shownRows);
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
            compact={mode === 'summary'}
            review={review && ui.editing.value === job.id ? review(job, () => (ui.editing.value = null)) : undefined}
          />
        ))}
        {total > rows.length || (open && total > shownRows) ? (
          <li class="pp-jobs__more">
            {mode === 'summary' && onMore ? (
              <button type="button" class="pp-jobs__unfold" data-testid="group-more" onClick={onMore}>
                {t.more(total - rows.length)}
              </button>
            ) : (
              <button
                type="button"
                class="pp-jobs__unfold"
                data-testid="group-unfold"
                aria-expanded={open}
                onClick={() => toggleGroup(g.id)}
              >
                {open ? t.fewer : t.more(total - rows.length)}
              </button>
            )}
          </li>
        ) : null}
      </ul>
    );
    const head = (
      <>
        {t.groups[g.id]} <span class="pp-group__n">{total}</span>
      </>
    );
    return FOLDED.has(g.id) && mode !== 'history' ? (
      <details class="pp-group" data-group={g.id} key={g.id}>
        <summary>
          <h3>{head}</h3>
        </summary>
        {list}
      </details>
    ) : (
      <section class="pp-group" data-group={g.id} key={g.id} aria-label={t.groups[g.id]}>
        <h3>{head}</h3>
        {list}
      </section>
    );
  };
  const error = ui.error.value ? (
    <p class="otk-error" role="alert">
      {ui.error.value}
    </p>
  ) : null;

  if (mode === 'summary') {
    const needs = groups.reduce((n, g) => n + (st.counts[g.id] ?? g.jobs.length), 0);
    return (
      <div class="pp__stack" data-testid="queue">
        {/* Each row says what it needs (its note, its first button): no group headings inside this card. */}
        <section
          class={`pp__card pp__card--needs pp--summary${needs || mustAct || needsExtra ? ' is-on' : ''}`}
          aria-labelledby="needs-you-h"
          data-testid="needs-you"
        >
          <h2 id="needs-you-h">
            {t.needsYou}
            {needs ? <span class="otk-state otk-state--needs">{needs}</span> : null}
          </h2>
          {mustAct ? pauseNote : null}
          {groups.map(groupList)}
          {needsExtra}
          {!needs && !mustAct && !needsExtra ? (
            <p class="otk-muted" data-testid="nothing-needed">
              {t.nothingNeeded}
            </p>
          ) : null}
          {error}
        </section>
        <section class="pp__card" aria-labelledby="happening-h">
          <h2 id="happening-h">{t.happening}</h2>
          {status}
        </section>
      </div>
    );
  }
  return (
    <section class="pp__card" aria-label={t.queue} data-testid="queue">
      {mode !== 'history' ? status : null}
      {error}
      {groups.length === 0 ? (
        <div class="pp__empty" data-testid="queue-empty">
          <b>{mode === 'history' ? t.historyEmpty : t.empty}</b>
          {mode === 'history' ? null : <span class="otk-muted">{t.emptyHint}</span>}
        </div>
      ) : (
        groups.map(groupList)
      )}
    </section>
  );
}

/** retry/remove answer `{ok:false,error}` for a job that moved on meanwhile: show it like a thrown error. */
function userResult(r: { ok: boolean; error?: string | undefined }): void {
  if (!r.ok) throw new Error(r.error ?? 'refused');
}
