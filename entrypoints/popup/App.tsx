import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { Toggle } from '../../components/Toggle';
import { sendToBackground, type TriageStats } from '../../lib/messaging';
import { settingsSignal } from '../../lib/settings/signal';
import { updateSettings } from '../../lib/settings/store';
import { isHhHost } from '../../lib/hh/sites';
import { Queue } from './Queue';

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

export function App() {
  const { settings, dispose } = useMemo(settingsSignal, []);
  const tab = useMemo(() => signal<TabInfo | null>(null), []);
  useEffect(() => {
    void loadTab().then((t) => (tab.value = t));
    return dispose;
  }, []);

  const s = settings.value;
  const t = tab.value;
  return (
    <main class="pp" data-testid="popup">
      <header class="pp__head">
        <span class="pp__logo">Otklik</span>
        {s ? (
          <Toggle id="enabled" label={s.enabled ? 'On' : 'Off'} checked={s.enabled} onChange={(enabled) => void updateSettings((x) => ({ ...x, enabled }))} />
        ) : null}
      </header>
      <section class="pp__card" aria-label="This page">
        <h2>This page</h2>
        {t === null ? (
          <p class="otk-muted">Loading…</p>
        ) : !t.onHh ? (
          <p class="otk-muted">Open an hh.ru search to see Otklik sort the vacancies.</p>
        ) : t.stats && t.stats.total > 0 ? (
          <div class="pp__stats" data-testid="tab-stats">
            <div><b>{t.stats.shown}</b><span>shown</span></div>
            <div><b>{t.stats.dimmed}</b><span>dimmed</span></div>
            <div><b>{t.stats.hidden}</b><span>hidden</span></div>
          </div>
        ) : (
          <p class="otk-muted">No vacancy cards on this page yet.</p>
        )}
        {s && s.profile.desiredTitles.length === 0 && s.profile.skills.length === 0 ? (
          <p class="otk-error">Your profile is empty: Otklik cannot judge relevance until you add titles or skills.</p>
        ) : null}
      </section>
      <Queue />
      <footer class="pp__foot">
        <button class="otk-btn otk-btn--primary" type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Profile & settings
        </button>
      </footer>
    </main>
  );
}
