import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { uiLang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import type { FunnelView } from '../../core/negotiations/protocol';
import { negotiationTexts } from './texts';
import './negotiations.css';

const pct = (n: number, d: number) => (d > 0 ? `${Math.round((100 * n) / d)}%` : '—');
const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);
const POLL_MS = 3000;

/**
 * The responses funnel in the popup stats: sent → viewed → invited / rejected, the last weeks, and the answer
 * rate by score band next to the user's thresholds. Re-read every few seconds while open (the worker may be
 * syncing); "Refresh" asks the worker to read hh's responses page now.
 */
export function Funnel() {
  const lang = uiLang();
  const t = negotiationTexts[lang];
  const st = useMemo(
    () => ({ f: signal<FunnelView | null>(null), busy: signal(false), error: signal<string | null>(null) }),
    [],
  );
  const load = () =>
    sendToBackground('negotiationsFunnel', { weeks: 6 })
      .then((f) => ((st.f.value = f), (st.error.value = null)))
      .catch((e: unknown) => (st.error.value = e instanceof Error ? e.message : String(e)));
  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(id);
  }, []);
  const refresh = async () => {
    st.busy.value = true;
    try {
      const r = await sendToBackground('syncNegotiations', {});
      if (!r.ok) st.error.value = r.error ?? null;
    } catch (e) {
      st.error.value = e instanceof Error ? e.message : String(e);
    } finally {
      st.busy.value = false;
      await load();
    }
  };
  const f = st.f.value;
  const time = (ms: number) =>
    new Date(ms).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
  const day = (ms: number) =>
    new Date(ms).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short' });
  const tot = f?.total;
  const near = (b: FunnelView['bands'][number]) =>
    f !== null &&
    b.from !== null &&
    b.to !== null &&
    ((f.thresholds.hide >= b.from && f.thresholds.hide < b.to) ||
      (f.thresholds.dim >= b.from && f.thresholds.dim < b.to));
  return (
    <section class="pp__card otk-funnel" aria-labelledby="funnel-h" data-testid="funnel">
      <h2 id="funnel-h">{t.funnel}</h2>
      {st.error.value || f?.syncError ? (
        <p class="otk-error" role="alert">
          {t.syncError(st.error.value ?? f?.syncError ?? '')}
        </p>
      ) : null}
      {!tot ? null : tot.applied === 0 ? (
        <p class="otk-muted">{t.empty}</p>
      ) : (
        <>
          <div class="otk-funnel__nums">
            <div data-testid="funnel-applied">
              <b>{tot.applied}</b>
              <span>{t.applied}</span>
            </div>
            <div data-testid="funnel-viewed">
              <b>{tot.viewed}</b>
              <span>{t.viewed}</span>
              <small>{pct(tot.viewed, tot.applied)}</small>
            </div>
            <div data-testid="funnel-invited">
              <b>{tot.invited}</b>
              <span>{t.invited}</span>
              <small>{pct(tot.invited, tot.applied)}</small>
            </div>
            <div data-testid="funnel-rejected">
              <b>{tot.rejected}</b>
              <span>{t.rejected}</span>
              <small>{pct(tot.rejected, tot.applied)}</small>
            </div>
          </div>
          <p class="otk-muted">
            {t.waiting(tot.waiting)}
            {tot.archived ? ` · ${t.archivedN(tot.archived)}` : ''}
          </p>
          <details>
            <summary>{t.byWeek}</summary>
            <table>
              <thead>
                <tr>
                  <th>{t.week}</th>
                  <th>{t.applied}</th>
                  <th>{t.viewed}</th>
                  <th>{t.invited}</th>
                  <th>{t.rejected}</th>
                </tr>
              </thead>
              <tbody>
                {f!.weeks.map((w) => (
                  <tr key={w.weekStart}>
                    <td>{day(w.weekStart)}</td>
                    <td>{w.applied}</td>
                    <td>{w.viewed}</td>
                    <td>{w.invited}</td>
                    <td>{w.rejected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <details data-testid="funnel-bands">
            <summary>{t.byScore}</summary>
            <table>
              <thead>
                <tr>
                  <th>{t.band}</th>
                  <th>{t.applied}</th>
                  <th>{t.inviteRate}</th>
                  <th>{t.responseRate}</th>
                </tr>
              </thead>
              <tbody>
                {f!.bands.map((b) => (
                  <tr key={`${b.from}`} {...(near(b) ? { 'data-threshold': '' } : {})}>
                    <td>{b.from === null ? t.noScore : `${Math.round(b.from * 100)}–${Math.round(b.to! * 100)}`}</td>
                    <td>{b.applied}</td>
                    <td>{rate(b.inviteRate)}</td>
                    <td>{rate(b.responseRate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p class="otk-muted">
              {t.thresholdHint(
                String(Math.round(f!.thresholds.hide * 100)),
                String(Math.round(f!.thresholds.dim * 100)),
              )}
            </p>
          </details>
        </>
      )}
      <div class="otk-funnel__foot">
        <span class="otk-muted">{f ? (f.syncedAt ? t.synced(time(f.syncedAt)) : t.never) : ''}</span>
        <button
          type="button"
          class="otk-btn otk-btn--sm"
          disabled={st.busy.value}
          onClick={() => void refresh()}
          data-testid="funnel-refresh"
        >
          {st.busy.value ? t.refreshing : t.refresh}
        </button>
      </div>
    </section>
  );
}
