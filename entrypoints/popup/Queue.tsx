import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { sendToBackground } from '../../lib/messaging';
import type { JobView, QueueStatusView } from '../../lib/messaging/protocol';

const STATE_LABEL: Record<string, string> = {
  pending: 'waiting',
  processing: 'sending',
  review: 'to review',
  applied: 'applied',
  needs_user: 'needs you',
  skipped: 'skipped',
  failed: 'failed',
  cancelled: 'removed',
};

const time = (ms: number) => new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The apply queue in brief: today's use of the cap, pause state, and the latest jobs with their actions. */
export function Queue() {
  const s = useMemo(() => ({ status: signal<QueueStatusView | null>(null), jobs: signal<JobView[]>([]), error: signal<string | null>(null) }), []);
  const refresh = async () => {
    try {
      const [status, { jobs }] = await Promise.all([sendToBackground('queueStatus', {}), sendToBackground('listJobs', { limit: 8 })]);
      s.status.value = status;
      s.jobs.value = jobs;
      s.error.value = null;
    } catch (e) {
      s.error.value = e instanceof Error ? e.message : String(e);
    }
  };
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 2000); // the worker changes jobs while the popup is open
    return () => clearInterval(timer);
  }, []);

  const st = s.status.value;
  const act = async (fn: () => Promise<unknown>) => {
    await fn().catch((e: unknown) => (s.error.value = e instanceof Error ? e.message : String(e)));
    await refresh();
  };
  if (s.error.value && !st) return <section class="pp__card"><p class="otk-error">Queue unavailable: {s.error.value}</p></section>;
  if (!st) return null;
  const active = (st.counts['pending'] ?? 0) + (st.counts['processing'] ?? 0);
  return (
    <section class="pp__card" aria-label="Apply queue" data-testid="queue">
      <div class="pp__row">
        <h2>Queue</h2>
        {st.pause ? (
          <button class="otk-btn" type="button" onClick={() => void act(() => sendToBackground('resumeQueue', {}))}>Resume</button>
        ) : (
          <button class="otk-btn" type="button" onClick={() => void act(() => sendToBackground('pauseQueue', {}))}>Pause</button>
        )}
      </div>
      {st.pause ? <p class="otk-error" role="alert">Paused: {st.pause.message}</p> : null}
      <p class="otk-muted" style="margin:0">
        Today {st.cap.used} of {st.cap.cap}
        {st.cap.freesAt ? ` · frees at ${time(st.cap.freesAt)}` : ''}
        {active ? ` · ${active} waiting` : ''}
        {st.nextSendAt && !st.pause ? ` · next ${time(st.nextSendAt)}` : ''}
        {st.quietUntil ? ` · quiet until ${time(st.quietUntil)}` : ''}
      </p>
      {!st.defaultResumeHash ? (
        <p class="otk-error" style="margin:0">Choose the resume to apply with in the settings.</p>
      ) : null}
      {s.jobs.value.length === 0 ? (
        <p class="otk-muted" style="margin:0">Nothing queued yet: use “Queue” on a vacancy card on hh.ru.</p>
      ) : (
        <ul class="pp__jobs">
          {s.jobs.value.map((j) => (
            <li key={j.id} data-state={j.state}>
              <a href={j.url} target="_blank" rel="noreferrer" title={j.story}>{j.title}</a>
              <span class="pp__state">{STATE_LABEL[j.state] ?? j.state}</span>
              {j.employer ? <small class="otk-muted">{j.employer}</small> : null}
              {j.lastError || j.reason ? <small class={j.state === 'failed' || j.state === 'needs_user' ? 'otk-error' : 'otk-muted'}>{j.lastError ?? j.reason}</small> : null}
              <span class="pp__acts">
                {j.link && j.state === 'needs_user' ? <button type="button" class="otk-btn" onClick={() => void browser.tabs.create({ url: j.link! })}>Open</button> : null}
                {j.state === 'failed' || j.state === 'needs_user' ? <button type="button" class="otk-btn" onClick={() => void act(() => sendToBackground('retryJob', { jobId: j.id }))}>Retry</button> : null}
                {j.state === 'pending' || j.state === 'failed' || j.state === 'needs_user' || j.state === 'review' ? (
                  <button type="button" class="otk-btn" onClick={() => void act(() => sendToBackground('removeJob', { jobId: j.id }))}>Remove</button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
