import { useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { getDb } from '../../worker/db';
import { getState, listSuggestions } from '../../worker/discovery/store';
import type { DiscoveryState, SeenVacancy } from '../../core/db/discovery-rows';
import { when } from '../../core/i18n/format';
import { uiLang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import type { Settings } from '../../core/settings/schema';
import { useLiveQuery } from '../queue/live';
import { discoveryTexts } from './texts';
import { scorePercent } from '../../core/match/percent';

const SHOWN = 8;

/**
 * Discovery's suggestions in the popup: each strong match with its score, reasons and source; queue or dismiss
 * it here. Read live from the database (the worker writes it); every change is a background message.
 */
export function Suggestions({ settings }: { settings: Settings }) {
  const lang = uiLang();
  const t = discoveryTexts[lang];
  const ui = useMemo(
    () => ({ busy: signal<string | null>(null), error: signal<string | null>(null), all: signal(false) }),
    [],
  );
  const live = useLiveQuery<{ list: SeenVacancy[]; state: DiscoveryState }>(
    async () => ({ list: await listSuggestions(getDb(), 100), state: await getState(getDb()) }),
    [],
    10_000,
  );

  const act = async (
    key: string,
    fn: () => Promise<{ ok?: boolean; error?: string; ran?: boolean; why?: string } | unknown>,
  ) => {
    ui.busy.value = key;
    try {
      const r = (await fn()) as { ok?: boolean; error?: string; ran?: boolean; why?: string };
      ui.error.value = r && r.ok === false ? t.failed(r.error ?? '') : r && r.ran === false && r.why ? r.why : null;
    } catch (e) {
      ui.error.value = t.failed(e instanceof Error ? e.message : String(e));
    } finally {
      ui.busy.value = null;
    }
  };

  const d = settings.discovery;
  const l = live.value;
  if (!settings.enabled || !d.enabled) {
    return (
      <section class="pp__card" data-testid="suggestions" data-off="">
        <h2>{t.suggestions}</h2>
        <p class="otk-muted">{t.off}</p>
        <p>
          <button
            type="button"
            class="otk-btn otk-btn--sm otk-btn--primary"
            data-testid="discovery-set-up"
            onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#discovery') })}
          >
            {t.setUp}
          </button>
        </p>
      </section>
    );
  }
  // Best matches first (the store lists newest first; within a few rounds the score matters more).
  const list = l.state === 'ok' ? [...l.value.list].sort((a, b) => b.score - a.score) : [];
  const state = l.state === 'ok' ? l.value.state : null;
  const last = state?.lastRun;
  const shown = ui.all.value ? list : list.slice(0, SHOWN);
  return (
    <section class="pp__card" data-testid="suggestions" aria-labelledby="sugg-h">
      <h2 id="sugg-h">
        {t.suggestions} {list.length ? <span class="otk-muted">({list.length})</span> : null}
      </h2>
      {state?.pause ? (
        <p class="otk-error" role="status" data-testid="discovery-paused">
          {state.pause.message}{' '}
          <button
            type="button"
            data-testid="discovery-resume"
            class="otk-btn otk-btn--sm"
            onClick={() => void act('resume', () => sendToBackground('resumeDiscovery', {}))}
          >
            {t.resume}
          </button>
        </p>
      ) : null}
      {d.mode === 'auto' ? <p class="otk-muted">{t.auto}</p> : null}
      {l.state === 'error' ? <p class="otk-error">{l.error}</p> : null}
      {l.state === 'ok' && !list.length ? <p class="otk-muted">{t.none}</p> : null}
      {shown.length ? (
        <ul class="pp__sugg" style="list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px">
          {shown.map((s) => (
            <li key={s.id} data-vacancy-id={s.id} style="display:flex;flex-direction:column;gap:2px">
              <div style="display:flex;gap:6px;align-items:baseline">
                <b data-testid="sugg-score" title={s.fullText ? 'full text' : 'card'}>
                  {scorePercent(s.score)}
                </b>
                <a
                  href={s.vacancy.url}
                  target="_blank"
                  rel="noreferrer"
                  onClick={(e) => (e.preventDefault(), void browser.tabs.create({ url: s.vacancy.url }))}
                >
                  {s.vacancy.title}
                </a>
              </div>
              <small class="otk-muted">
                {[s.vacancy.employer?.name, s.source === 'similar' ? null : s.source].filter(Boolean).join(' · ')}
              </small>
              {s.reasons.length ? <small>{s.reasons.slice(0, 3).join(' · ')}</small> : null}
              <div style="display:flex;gap:6px">
                <button
                  type="button"
                  data-testid="sugg-queue"
                  class="otk-btn otk-btn--sm otk-btn--primary"
                  disabled={ui.busy.value !== null}
                  onClick={() =>
                    void act(s.id, () => sendToBackground('suggestionAction', { vacancyId: s.id, action: 'queue' }))
                  }
                >
                  {t.queue}
                </button>
                <button
                  type="button"
                  data-testid="sugg-dismiss"
                  class="otk-btn otk-btn--sm"
                  disabled={ui.busy.value !== null}
                  onClick={() =>
                    void act(s.id, () => sendToBackground('suggestionAction', { vacancyId: s.id, action: 'dismiss' }))
                  }
                >
                  {t.dismiss}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {list.length > shown.length ? (
        <button type="button" data-testid="sugg-more" class="otk-btn otk-btn--sm" onClick={() => (ui.all.value = true)}>
          {t.more(list.length - shown.length)}
        </button>
      ) : null}
      {ui.error.value ? (
        <p class="otk-error" role="alert">
          {ui.error.value}
        </p>
      ) : null}
      <div style="display:flex;gap:8px;align-items:center;justify-content:space-between">
        <small class="otk-muted" data-testid="discovery-last">
          {last
            ? `${t.lastRun(when(last.finishedAt, Date.now(), lang), last.fresh, last.suggested + last.queued)}${t.outcome[last.outcome] ? ` · ${t.outcome[last.outcome]}` : ''}`
            : ''}
        </small>
        <button
          type="button"
          data-testid="discovery-run"
          class="otk-btn otk-btn--sm"
          disabled={ui.busy.value !== null}
          onClick={() => void act('run', () => sendToBackground('runDiscovery', {}))}
        >
          {ui.busy.value === 'run' ? t.checking : t.checkNow}
        </button>
      </div>
    </section>
  );
}
