import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { fromDiscoveryDraft, toDiscoveryDraft, type DiscoveryDraft } from './form';
import { uiLang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import { getSettings, updateSettings } from '../../core/settings/store';
import { discoveryTexts } from './texts';
import { useAutosave } from '../options/autosave';

type Resumes = { hash: string; title: string }[];

/** Options section: auto-discovery sources, mode, pacing and threshold; saves its own section only. */
export function DiscoverySettings() {
  const t = discoveryTexts[uiLang()];
  const st = useMemo(
    () => ({
      draft: signal<DiscoveryDraft | null>(null),
      errors: signal<Record<string, string>>({}),
      msg: signal<string | null>(null),
      resumes: signal<Resumes>([]),
    }),
    [],
  );
  useEffect(() => {
    void getSettings().then((s) => (st.draft.value = toDiscoveryDraft(s.discovery)));
    sendToBackground('listResumes', {}).then(
      (r) => (st.resumes.value = r.resumes),
      () => undefined,
    );
  }, []);
  // Saved as the user goes (the options page's one save model), when the draft passes its checks.
  useAutosave(st.draft.value, () => save());
  const d = st.draft.value;
  if (!d) return null;
  const set = (patch: Partial<DiscoveryDraft>) => {
    st.draft.value = { ...d, ...patch };
    st.msg.value = null;
  };
  const err = (k: string) => st.errors.value[k];
  const save = async () => {
    const r = fromDiscoveryDraft(d);
    if (!r.ok) {
      st.errors.value = r.errors;
      return;
    }
    st.errors.value = {};
    await updateSettings((s) => ({ ...s, discovery: r.value }));
    st.msg.value = t.saved;
  };
  const field = (key: keyof DiscoveryDraft, label: string, path: string) => (
    <label class="op__field">
      <span>{label}</span>
      <input
        type="text"
        inputMode="decimal"
        data-testid={`disc-${key}`}
        value={d[key] as string}
        aria-invalid={err(path) ? 'true' : undefined}
        onInput={(e) => set({ [key]: e.currentTarget.value })}
      />
      {err(path) ? <small class="otk-error">{err(path)}</small> : null}
    </label>
  );
  return (
    <section class="op__sec" id="discovery" aria-labelledby="sec-discovery" data-testid="discovery-settings">
      <h2 id="sec-discovery">{t.secTitle}</h2>
      <label class="op__checks">
        <input
          type="checkbox"
          data-testid="disc-enabled"
          checked={d.enabled}
          onChange={(e) => set({ enabled: e.currentTarget.checked })}
        />{' '}
        {t.enabled}
      </label>
      <fieldset class="op__checks" style="border:0;padding:0;margin:0">
        <legend style="font-weight:600">{t.mode}</legend>
        <label>
          <input
            type="radio"
            name="disc-mode"
            checked={d.mode === 'suggest'}
            onChange={() => set({ mode: 'suggest' })}
          />{' '}
          {t.modeSuggest}
        </label>
        <label>
          <input
            type="radio"
            name="disc-mode"
            data-testid="disc-auto"
            checked={d.mode === 'auto'}
            onChange={() => set({ mode: 'auto' })}
          />{' '}
          {t.modeAuto}
        </label>
      </fieldset>
      <div class="op__grid">
        <label class="op__checks">
          <input type="checkbox" checked={d.similar} onChange={(e) => set({ similar: e.currentTarget.checked })} />{' '}
          {t.similar}
        </label>
        <label class="op__field">
          <span>{t.resumeLabel}</span>
          <select value={d.resumeHash} onChange={(e) => set({ resumeHash: e.currentTarget.value })}>
            <option value="">{t.resumeDefault}</option>
            {st.resumes.value.map((r) => (
              <option key={r.hash} value={r.hash}>
                {r.title}
              </option>
            ))}
            {d.resumeHash && !st.resumes.value.some((r) => r.hash === d.resumeHash) ? (
              <option value={d.resumeHash}>{d.resumeHash.slice(0, 8)}…</option>
            ) : null}
          </select>
        </label>
        <label class="op__checks op__field--wide">
          <input
            type="checkbox"
            checked={d.profileQuery}
            onChange={(e) => set({ profileQuery: e.currentTarget.checked })}
          />{' '}
          {t.profileQuery}
        </label>
        <label class="op__field op__field--wide">
          <span>{t.searches}</span>
          <textarea
            data-testid="disc-searches"
            value={d.searches}
            aria-invalid={Object.keys(st.errors.value).some((k) => k.startsWith('searches')) ? 'true' : undefined}
            onInput={(e) => set({ searches: e.currentTarget.value })}
          />
          <small>{t.searchesHint}</small>
          {Object.entries(st.errors.value)
            .filter(([k]) => k.startsWith('searches'))
            .map(([k, m]) => (
              <small key={k} class="otk-error">
                {m}
              </small>
            ))}
        </label>
        {field('interval', t.interval, 'intervalMinutes')}
        {field('threshold', t.threshold, 'threshold')}
        {field('pacingMin', t.pacingMin, 'pacing.minSeconds')}
        {field('pacingMax', t.pacingMax, 'pacing.maxSeconds')}
        {field('maxPages', t.maxPages, 'maxPagesPerRound')}
        {field('maxFull', t.maxFull, 'maxFullTextPerRound')}
      </div>
      <div style="display:flex;gap:12px;align-items:center">
        <button
          type="button"
          class="otk-btn"
          onClick={() => void sendToBackground('forgetDiscovered', {}).then(() => (st.msg.value = t.forgotten))}
        >
          {t.forget}
        </button>
        {st.msg.value ? (
          <span class="otk-ok" role="status">
            {st.msg.value}
          </span>
        ) : null}
      </div>
    </section>
  );
}
