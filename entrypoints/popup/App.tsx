import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { Toggle } from '../../lib/ext-pages/Toggle';
import { popupTexts } from '../../lib/ext-pages/queue/texts';
import { uiLang } from '../../lib/core/i18n/lang';
import { sendToBackground, type TriageStats } from '../../lib/core/messaging';
import { settingsSignal } from '../../lib/ext-pages/settings/signal';
import { updateSettings } from '../../lib/core/settings/store';
import { isHhHost } from '../../lib/core/hh/urls';
import { Queue } from './Queue';
import { Suggestions } from '../../lib/ext-pages/discovery/Suggestions';
import { Funnel } from '../../lib/ext-pages/negotiations/Funnel';
import { NeedsAnswer } from '../../lib/ext-pages/negotiations/NeedsAnswer';
import { StatsView } from '../../lib/ext-pages/stats/StatsView';

type TabInfo = { onHh: boolean; stats: TriageStats | null; windowId: number | undefined };

/** The views of the popup (and of the side panel, which shows the same with more room). `#queue` etc. opens one. */
export const VIEWS = ['now', 'queue', 'found', 'responses', 'history'] as const;
export type View = (typeof VIEWS)[number];

/** The tab the popup is about: the active one, or `?tabId=N` when the popup is opened as a page (tests, demo). */
async function currentTab() {
  const forced = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(forced) && forced > 0) return browser.tabs.get(forced);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function loadTab(): Promise<TabInfo> {
  const tab = await currentTab();
  let onHh = false;
  try {
    onHh = !!tab?.url && isHhHost(new URL(tab.url).hostname);
  } catch {
    onHh = false;
  }
  const stats =
    tab?.id !== undefined ? await sendToBackground('getTabTriage', { tabId: tab.id }).catch(() => null) : null;
  return { onHh, stats, windowId: tab?.windowId };
}

const openOptions = (hash = '') =>
  hash
    ? void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) })
    : void browser.runtime.openOptionsPage();

/** chrome.sidePanel (Chrome ≥ 116); not in the polyfill's types. */
type SidePanelApi = { open(o: { windowId: number }): Promise<void> };
const sidePanelApi = (): SidePanelApi | undefined =>
  (globalThis as { chrome?: { sidePanel?: SidePanelApi } }).chrome?.sidePanel;

const viewOfHash = (): View => {
  const h = location.hash.slice(1);
  return (VIEWS as readonly string[]).includes(h) ? (h as View) : 'now';
};

/**
 * The popup: a summary that fits Chrome's 600 px popup — what needs the user now, then what is happening — and
 * the long lists one click away (queue, discovery's suggestions, employer replies, history), in tabs. `panel`:
 * the same in Chrome's side panel, with room for long lists and letter review.
 */
export function App({ panel = false }: { panel?: boolean }) {
  const lang = uiLang();
  const t = popupTexts[lang];
  const { settings, dispose } = useMemo(settingsSignal, []);
  const ui = useMemo(
    () => ({ tab: signal<TabInfo | null>(null), view: signal<View>(viewOfHash()), replies: signal(0) }),
    [],
  );
  useEffect(() => {
    document.documentElement.lang = lang;
    void loadTab().then((x) => (ui.tab.value = x));
    const replies = () =>
      sendToBackground('listReplies', {}).then(
        (r) => (ui.replies.value = r.replies.length),
        () => undefined,
      );
    void replies();
    const timer = setInterval(() => void replies(), 5000);
    const onHash = () => (ui.view.value = viewOfHash());
    addEventListener('hashchange', onHash);
    return () => {
      dispose();
      clearInterval(timer);
      removeEventListener('hashchange', onHash);
    };
  }, []);
  const go = (v: View) => {
    ui.view.value = v;
    history.replaceState(null, '', v === 'now' ? location.pathname + location.search : `#${v}`);
  };
  const openPanel = () => {
    const api = sidePanelApi();
    const windowId = ui.tab.value?.windowId;
    // Called inside the click (a user gesture is required); a browser without side panels gets it as a tab.
    if (api && windowId !== undefined)
      void api.open({ windowId }).then(
        () => window.close(),
        () => void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') }),
      );
    else void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  };

  const s = settings.value;
  const tb = ui.tab.value;
  const view = ui.view.value;
  const emptyProfile = s && s.profile.desiredTitles.length === 0 && s.profile.skills.length === 0;
  const replies = ui.replies.value;
  return (
    <main class={`pp${panel ? ' pp--panel' : ''}`} data-testid="popup" data-view={view}>
      <header class="pp__head">
        <span class="pp__logo">Otklik</span>
        <span class="pp__head-acts">
          {s ? (
            <Toggle
              id="enabled"
              label={s.enabled ? t.on : t.off}
              checked={s.enabled}
              onChange={(enabled) => void updateSettings((x) => ({ ...x, enabled }))}
            />
          ) : null}
          {panel ? null : (
            <button
              type="button"
              class="otk-btn otk-btn--sm otk-btn--quiet pp__icon"
              data-testid="open-side-panel"
              title={t.sidePanel}
              aria-label={t.sidePanel}
              onClick={openPanel}
            >
              <svg width="20" height="18" viewBox="0 0 20 18" aria-hidden="true">
                <rect
                  x="1"
                  y="1.5"
                  width="18"
                  height="15"
                  rx="2.5"
                  fill="none"
                  stroke="currentColor"
                  stroke-width="1.6"
                />
                <rect x="12" y="1.5" width="7" height="15" rx="1" fill="currentColor" />
              </svg>
            </button>
          )}
          <button type="button" class="otk-btn otk-btn--sm" data-testid="open-settings" onClick={() => openOptions()}>
            {t.settings}
          </button>
        </span>
      </header>
      <nav class="pp__tabs" role="tablist" aria-label="Otklik">
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            data-tab={v}
            aria-selected={view === v}
            class={view === v ? 'is-on' : ''}
            onClick={() => go(v)}
          >
            {t.tabs[v]}
            {v === 'responses' && replies ? <span class="otk-state otk-state--needs">{replies}</span> : null}
          </button>
        ))}
      </nav>
      <div class="pp__body" role="tabpanel">
        {emptyProfile ? (
          <div class="otk-note otk-note--needs pp__notice" role="alert" data-testid="empty-profile">
            <span>{t.emptyProfile}</span>
            <button type="button" class="otk-btn otk-btn--sm otk-btn--primary" onClick={() => openOptions('#welcome')}>
              {t.fillProfile}
            </button>
          </div>
        ) : null}
        {!s ? <p class="otk-muted">{t.loading}</p> : null}
        {s && view === 'now' ? (
          <>
            <Queue
              settings={s}
              mode="summary"
              onMore={() => go('queue')}
              needsExtra={
                replies ? (
                  <div class="pp__line" data-testid="replies-waiting">
                    <span>{t.replies(replies)}</span>
                    <button type="button" class="otk-btn otk-btn--sm otk-btn--primary" onClick={() => go('responses')}>
                      {t.openReplies}
                    </button>
                  </div>
                ) : undefined
              }
            />
            <section class="pp__card pp__card--page" aria-labelledby="page-h">
              <h2 id="page-h">{t.thisPage}</h2>
              {tb === null ? (
                <p class="otk-muted">{t.loading}</p>
              ) : !tb.onHh ? (
                <p class="otk-muted">{t.notHh}</p>
              ) : tb.stats && tb.stats.total > 0 ? (
                <div class="pp__stats" data-testid="tab-stats">
                  <div>
                    <b>{tb.stats.shown}</b>
                    <span>{t.shown}</span>
                  </div>
                  <div>
                    <b>{tb.stats.dimmed}</b>
                    <span>{t.dimmed}</span>
                  </div>
                  <div>
                    <b>{tb.stats.hidden}</b>
                    <span>{t.hidden}</span>
                  </div>
                </div>
              ) : (
                <p class="otk-muted">{t.noCards}</p>
              )}
            </section>
          </>
        ) : null}
        {s && view === 'queue' ? <Queue settings={s} mode="active" /> : null}
        {s && view === 'found' ? <Suggestions settings={s} /> : null}
        {s && view === 'responses' ? (
          <>
            {/* Responses and employer chats (issue 8) */}
            <NeedsAnswer />
            <Funnel />
          </>
        ) : null}
        {s && view === 'history' ? (
          <>
            <Queue settings={s} mode="history" />
            <section class="pp__card" aria-labelledby="stats-h">
              <h2 id="stats-h">{t.stats}</h2>
              <p class="otk-help">{t.historyHint}</p>
              <StatsView />
            </section>
          </>
        ) : null}
      </div>
    </main>
  );
}
