import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { Toggle } from '../../components/Toggle';
import { popupTexts } from '../../components/queue/texts';
import { uiLang } from '../../lib/i18n/lang';
import { sendToBackground, type TriageStats } from '../../lib/messaging';
import { settingsSignal } from '../../lib/settings/signal';
import { updateSettings } from '../../lib/settings/store';
import { isHhHost } from '../../lib/hh/sites';
import { Queue } from './Queue';
import { Suggestions } from '../../components/discovery/Suggestions';
import { Funnel } from '../../components/negotiations/Funnel';
import { NeedsAnswer } from '../../components/negotiations/NeedsAnswer';

type TabInfo = { onHh: boolean; stats: TriageStats | null };

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
  const stats = tab?.id !== undefined ? await sendToBackground('getTabTriage', { tabId: tab.id }).catch(() => null) : null;
  return { onHh, stats };
}

const openOptions = (hash = '') =>
  hash ? void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) }) : void browser.runtime.openOptionsPage();

export function App() {
  const t = popupTexts[uiLang()];
  const { settings, dispose } = useMemo(settingsSignal, []);
  const tab = useMemo(() => signal<TabInfo | null>(null), []);
  useEffect(() => {
    document.documentElement.lang = uiLang();
    void loadTab().then((x) => (tab.value = x));
    return dispose;
  }, []);

  const s = settings.value;
  const tb = tab.value;
  const emptyProfile = s && s.profile.desiredTitles.length === 0 && s.profile.skills.length === 0;
  return (
    <main class="pp" data-testid="popup">
      <header class="pp__head">
        <span class="pp__logo">Otklik</span>
        {s ? (
          <Toggle id="enabled" label={s.enabled ? t.on : t.off} checked={s.enabled} onChange={(enabled) => void updateSettings((x) => ({ ...x, enabled }))} />
        ) : null}
      </header>
      {emptyProfile ? (
        <div class="pp__notice otk-error" role="alert" data-testid="empty-profile">
          {t.emptyProfile}{' '}
          <button type="button" class="otk-btn otk-btn--sm otk-btn--primary" onClick={() => openOptions('#profile')}>{t.fillProfile}</button>
        </div>
      ) : null}
      <section class="pp__card pp__card--page" aria-labelledby="page-h">
        <h2 id="page-h">{t.thisPage}</h2>
        {tb === null ? (
          <p class="otk-muted">{t.loading}</p>
        ) : !tb.onHh ? (
          <p class="otk-muted">{t.notHh}</p>
        ) : tb.stats && tb.stats.total > 0 ? (
          <div class="pp__stats" data-testid="tab-stats">
            <div><b>{tb.stats.shown}</b><span>{t.shown}</span></div>
            <div><b>{tb.stats.dimmed}</b><span>{t.dimmed}</span></div>
            <div><b>{tb.stats.hidden}</b><span>{t.hidden}</span></div>
          </div>
        ) : (
          <p class="otk-muted">{t.noCards}</p>
        )}
      </section>
      {s ? <Queue settings={s} /> : null}
      {s ? <Suggestions settings={s} /> : null}
      {/* Responses and employer chats (issue 8) */}
      {s ? <NeedsAnswer /> : null}
      {s ? <Funnel /> : null}
      <footer class="pp__foot">
        <button class="otk-btn" type="button" onClick={() => openOptions('#stats')}>{t.stats}</button>
        <button class="otk-btn otk-btn--primary" type="button" onClick={() => openOptions()}>{t.settings}</button>
      </footer>
    </main>
  );
}
