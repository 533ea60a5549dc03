import type { ComponentChildren } from 'preact';
import type { Job } from '../../core/db/schema';
import { clock } from '../../core/i18n/format';
import type { Lang } from '../../core/i18n/lang';
import { actionsFor, letterPreview, problemOf, type Action } from './model';
import type { PopupTexts } from './texts';
import { scorePercent } from '../../core/match/percent';

export interface RowProps {
  job: Job;
  t: PopupTexts;
  lang: Lang;
  resumeTitle: string | undefined;
  /** Actions not offered here (their feature is absent). */
  hide: readonly Action[];
  /** Runs a user action. */
  onAction: (action: Action, job: Job) => void;
  /** Letter review UI for a job in 'review' (lib/ext-pages/letters), shown under the row when asked for. */
  review?: ComponentChildren;
  /** The popup's summary: the CV line is left to the full list, so more fits in 600 px. */
  compact?: boolean;
}

/** The colour of a job's state in the shared language (lib/ext-pages/tokens.css). */
export const STATE_TONE: Record<Job['state'], 'needs' | 'failed' | 'applied' | 'queued' | null> = {
  needs_user: 'needs',
  review: 'needs',
  failed: 'failed',
  skipped: 'failed',
  applied: 'applied',
  pending: 'queued',
  processing: 'queued',
  cancelled: null,
};

/**
 * One job: its title (the most prominent line), the employer and the CV it goes with, the letter, what went wrong
 * in plain words (amber when it needs the user, red when it failed), and the actions in one fixed order.
 */
export function JobRow({ job, t, lang, resumeTitle, hide, onAction, review, compact = false }: RowProps) {
  const problem = problemOf(job, t);
  const preview = letterPreview(job.letter);
  const tone = STATE_TONE[job.state];
  const label: Record<Action, string> = {
    approve: t.approve,
    edit: t.editLetter,
    confirm: t.confirmSend,
    retry: t.retry,
    remove: t.remove,
    open: t.open,
  };
  const score = job.vacancy.score !== undefined ? scorePercent(job.vacancy.score) : null;
  return (
    <li class="pp-job" data-state={job.state} data-job-id={job.id}>
      <div class="pp-job__head">
        <span class="pp-job__title" title={job.vacancy.title}>
          {job.vacancy.title}
        </span>
        {score !== null ? (
          <span class="pp-job__score" title={t.score} aria-label={`${t.score} ${score}`}>
            {score}
          </span>
        ) : null}
      </div>
      <div class="pp-job__meta">
        {job.vacancy.employer ? (
          <span class="pp-job__employer" title={job.vacancy.employer.name}>
            {job.vacancy.employer.name}
          </span>
        ) : null}
        {compact ? null : (
          <span title={t.resumeUsed}>{resumeTitle ? t.resumeNamed(resumeTitle) : t.resumeShort(job.resumeHash)}</span>
        )}
        {job.state === 'applied' && job.questionnaire?.answered ? (
          <span data-testid="questions-answered">{t.questionsAnswered(job.questionnaire.answered)}</span>
        ) : null}
        {job.state === 'pending' && job.lastError && job.nextAttemptAt > Date.now() ? (
          <span>{t.retryAt(clock(job.nextAttemptAt, lang))}</span>
        ) : null}
      </div>
      {job.state === 'review' || (preview !== null && preview !== '') ? (
        <p class="pp-job__letter" data-testid="letter-preview">
          {preview === null ? t.letterPending : preview || t.noLetter}
        </p>
      ) : null}
      {problem ? (
        <p class={`pp-job__problem${tone === 'needs' || tone === 'failed' ? ` otk-note otk-note--${tone}` : ''}`}>
          {problem}
        </p>
      ) : null}
      {review}
      <div class="pp-job__acts">
        {/* An open review has its own approve and collapse buttons. */}
        {actionsFor(job)
          .filter((a) => !hide.includes(a) && !(review && (a === 'approve' || a === 'edit')))
          .map((a, i) => (
            <button
              key={a}
              type="button"
              class={`otk-btn otk-btn--sm${i === 0 && (a === 'edit' || a === 'approve' || a === 'confirm' || a === 'retry' || (a === 'open' && job.state === 'needs_user')) ? ' otk-btn--primary' : ''}${a === 'remove' ? ' otk-btn--quiet' : ''}`}
              data-action={a}
              aria-label={`${label[a]}: ${job.vacancy.title}`}
              onClick={() => onAction(a, job)}
            >
              {label[a]}
            </button>
          ))}
      </div>
    </li>
  );
}
