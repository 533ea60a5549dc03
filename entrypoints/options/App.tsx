import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { Toggle } from '../../components/Toggle';
import { draftProfile, fromDraft, toDraft, type Draft, type DraftErrors } from '../../components/options/draft';
import { ResumeImport, type ImportedResume } from '../../components/options/ResumeImport';
import { optionsTexts } from '../../components/options/texts';
import { ThresholdPreview } from '../../components/options/ThresholdPreview';
import { StatsView } from '../../components/stats/StatsView';
import { ProviderSettings } from '../../components/letters/ProviderSettings';
import { uiLang } from '../../lib/i18n/lang';
import { EXPERIENCE_IDS, WORK_FORMATS, type ExperienceId } from '../../lib/match/vacancy';
import type { Settings } from '../../lib/settings/schema';
import { acceptFallbacks, getSettings, loadSettings, saveSettings, watchSettings, type SettingsFallback } from '../../lib/settings/store';
import { SettingsImport } from '../../components/options/SettingsImport';
import { FallbackNotice } from '../../components/options/FallbackNotice';
import { exportSettings } from '../../lib/settings/transfer';
import { sendToBackground } from '../../lib/messaging';
import { DiscoverySettings } from '../../components/discovery/DiscoverySettings';
import { TelegramSettings } from '../../components/discovery/TelegramSettings';
import { QaBank } from '../../components/negotiations/QaBank';

type Resumes = { state: 'loading' } | { state: 'ok'; list: { hash: string; title: string; latest?: boolean | undefined }[] } | { state: 'error'; error: string };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function App() {
  const lang = uiLang();
  const t = optionsTexts[lang];
  const state = useMemo(
    () => ({
      base: signal<Settings | null>(null),
      draft: signal<Draft | null>(null),
      errors: signal<DraftErrors>({}),
      message: signal<{ kind: 'ok' | 'error'; text: string } | null>(null),
      dirty: signal(false),
      resumes: signal<Resumes>({ state: 'loading' }),
      /** Stored fields that failed their schema and read as defaults (named in a notice until fixed). */
      fallbacks: signal<{ list: SettingsFallback[]; newerVersion?: number | undefined }>({ list: [] }),
    }),
    [],
  );
  const { base, draft, errors, message, dirty, resumes, fallbacks } = state;
  const loadResumes = () => {
    resumes.value = { state: 'loading' };
    sendToBackground('listResumes', {}).then(
      (r) => (resumes.value = r.ok ? { state: 'ok', list: r.resumes } : { state: 'error', error: r.error ?? 'unknown error' }),
      (e: unknown) => (resumes.value = { state: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
  };
  const load = (s: Settings) => {
    base.value = s;
    draft.value = toDraft(s);
    dirty.value = false;
    errors.value = {};
  };
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Otklik — ${t.title}`;
    loadResumes();
    void loadSettings().then((r) => {
      load(r.settings);
      fallbacks.value = { list: r.fallbacks, newerVersion: r.newerVersion };
      // The popup links to #profile / #stats: scroll there once the sections exist.
      requestAnimationFrame(() => document.getElementById(location.hash.slice(1))?.scrollIntoView());
    });
    // Another context saved (the popup's on/off switch, a second options tab): follow it unless the user is editing.
    return watchSettings((s, read) => {
      fallbacks.value = { ...fallbacks.value, list: read.fallbacks };
      if (!dirty.value) load(s);
      else base.value = s;
    });
  }, []);

  const d = draft.value;
  if (!d || !base.value) return <main class="op">{t.loading}</main>;
  const e = errors.value;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    draft.value = { ...d, [key]: value };
    dirty.value = true;
    message.value = null;
    if (e[key]) errors.value = { ...e, [key]: undefined };
  };
  const hint = (key: keyof Draft, text: string) =>
    e[key] ? <small id={`${key}-msg`} class="otk-error" role="alert">{e[key]}</small> : <small id={`${key}-msg`}>{text}</small>;
  const field = (key: keyof Draft, label: string, help: string, opts: { rows?: number; wide?: boolean; inputMode?: 'numeric' } = {}) => (
    <label class={`op__field${opts.wide ? ' op__field--wide' : ''}`}>
      <span>{label}</span>
      {opts.rows ? (
        <textarea name={key} rows={opts.rows} value={d[key] as string} aria-invalid={!!e[key]} aria-describedby={`${key}-msg`} onInput={(ev) => set(key, ev.currentTarget.value as never)} />
      ) : (
        <input name={key} type="text" inputMode={opts.inputMode} value={d[key] as string} aria-invalid={!!e[key]} aria-describedby={`${key}-msg`} onInput={(ev) => set(key, ev.currentTarget.value as never)} />
      )}
      {hint(key, help)}
    </label>
  );

  const save = async () => {
    const r = fromDraft(d, base.value!, t);
    if (!r.ok) {
      errors.value = r.errors;
      const n = Object.keys(r.errors).filter((k) => k !== '_').length;
      message.value = { kind: 'error', text: n ? t.notSaved(n) : (r.errors._ ?? '') };
      // Take the keyboard to the first bad field.
      requestAnimationFrame(() => (document.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus());
      return;
    }
    load(await saveSettings(r.settings));
    message.value = { kind: 'ok', text: t.saved };
  };

  const onResume = (r: ImportedResume) => {
    // The resume replaces what it has (the hint says so); fields it lacks keep the user's values.
    draft.value = {
      ...d,
      titles: r.title || d.titles,
      skills: r.skills.length ? r.skills.join(', ') : d.skills,
      experience: r.experience ?? d.experience,
      resumeText: r.text || d.resumeText,
    };
    dirty.value = true;
  };

  const profile = draftProfile(d, base.value);
  const resumeList = resumes.value.state === 'ok' ? resumes.value.list : [];
  return (
    <main class="op" data-testid="options">
      <header class="op__head">
        <span class="op__logo">Otklik</span>
        <h1>{t.title}</h1>
      </header>
      <nav class="op__nav" aria-label={t.title}>
        {/* In page order; letters, discovery, notifications and qa are the features' own sections (same ids). */}
        {(['profile', 'filters', 'triage', 'apply', 'letters', 'stats', 'discovery', 'notifications', 'qa', 'data'] as const).map((id) => (
          <a key={id} href={`#${id}`}>{t.nav[id]}</a>
        ))}
      </nav>
      <FallbackNotice fallbacks={fallbacks.value.list} newerVersion={fallbacks.value.newerVersion} onAccept={() => void acceptFallbacks()} />

      <section class="op__sec" id="profile" aria-labelledby="sec-profile">
        <h2 id="sec-profile">{t.profile}</h2>
        <ResumeImport resumes={resumeList} t={t} onImported={onResume} />
        <div class="op__grid">
          {field('titles', t.titles, t.titlesHint, { rows: 3 })}
          {field('skills', t.skills, t.skillsHint, { rows: 3 })}
          <label class="op__field">
            <span>{t.experience}</span>
            <select name="experience" value={d.experience} onChange={(ev) => set('experience', ev.currentTarget.value as ExperienceId | '')}>
              <option value="">{t.expNone}</option>
              {EXPERIENCE_IDS.map((id) => (
                <option key={id} value={id}>{t.exp[id]}</option>
              ))}
            </select>
            <small>{t.experienceHint}</small>
          </label>
          {field('minSalary', t.minSalary, t.minSalaryHint, { inputMode: 'numeric' })}
          {field('resumeText', t.resumeText, t.resumeTextHint, { rows: 6, wide: true })}
        </div>
      </section>

      <section class="op__sec" id="filters" aria-labelledby="sec-filters">
        <h2 id="sec-filters">{t.filters}</h2>
        <div class="op__grid">
          {field('excludeWords', t.stopWords, t.stopWordsHint, { rows: 2 })}
          {field('cities', t.cities, t.citiesHint, { rows: 2 })}
          <fieldset class="op__field op__field--wide op__fieldset">
            <legend>{t.workFormat}</legend>
            <div class="op__checks">
              {WORK_FORMATS.map((f) => (
                <label key={f}>
                  <input type="checkbox" name={`format-${f}`} checked={d.workFormats.includes(f)} onChange={(ev) => set('workFormats', ev.currentTarget.checked ? [...d.workFormats, f] : d.workFormats.filter((x) => x !== f))} />
                  {t.formats[f]}
                </label>
              ))}
            </div>
            <small>{t.workFormatHint}</small>
          </fieldset>
          {field('blacklist', t.blacklist, t.blacklistHint, { rows: 3, wide: true })}
        </div>
      </section>

      <section class="op__sec" id="triage" aria-labelledby="sec-triage">
        <h2 id="sec-triage">{t.triage}</h2>
        <Toggle id="opt-enabled" label={t.enabled} hint={t.enabledHint} checked={d.enabled} onChange={(v) => set('enabled', v)} />
        <Toggle id="opt-badges" label={t.badges} checked={d.showBadges} onChange={(v) => set('showBadges', v)} />
        <fieldset class="op__fieldset">
          <legend>{t.irrelevant}</legend>
          <div class="op__checks">
            {(['hide', 'dim'] as const).map((a) => (
              <label key={a}>
                <input type="radio" name="action" value={a} checked={d.action === a} onChange={() => set('action', a)} />
                {a === 'hide' ? t.hide : t.dim}
              </label>
            ))}
          </div>
        </fieldset>
        <div class="op-thresholds">
          <div class="op-thresholds__controls">
            <b>{t.thresholds}</b>
            {(['hideBelow', 'dimBelow'] as const).map((k) => (
              <label key={k} class="op-slider">
                <span>{k === 'hideBelow' ? t.hideBelow : t.dimBelow}</span>
                <input type="range" name={k} min={0} max={100} step={1} value={d[k]} aria-invalid={!!e[k]} aria-describedby="thresholds-msg" onInput={(ev) => set(k, Number(ev.currentTarget.value))} />
                <output>{d[k]}</output>
              </label>
            ))}
            {e.hideBelow ? <small id="thresholds-msg" class="otk-error" role="alert">{e.hideBelow}</small> : <small id="thresholds-msg" class="otk-muted">{t.thresholdsHint}</small>}
            <button type="button" class="otk-btn otk-btn--sm" disabled={d.hideBelow === 30 && d.dimBelow === 55} onClick={() => { set('hideBelow', 30); draft.value = { ...draft.value!, dimBelow: 55 }; }}>
              {t.resetThresholds}
            </button>
          </div>
          <ThresholdPreview profile={profile} hide={d.hideBelow} dim={d.dimBelow} action={d.action} t={t} lang={lang} />
        </div>
      </section>

      <section class="op__sec" id="apply" aria-labelledby="sec-apply">
        <h2 id="sec-apply">{t.apply}</h2>
        <div class="op__grid">
          <label class="op__field op__field--wide">
            <span>{t.resumeToApply}</span>
            <select name="resumeHash" value={d.resumeHash} onChange={(ev) => set('resumeHash', ev.currentTarget.value)}>
              <option value="">{resumeList.length ? t.chooseResume : t.notChosen}</option>
              {resumeList.map((r) => (
                <option key={r.hash} value={r.hash}>{r.title}{r.latest ? t.latest : ''}</option>
              ))}
              {d.resumeHash && !resumeList.some((r) => r.hash === d.resumeHash) ? <option value={d.resumeHash}>{t.savedResume(d.resumeHash)}</option> : null}
            </select>
            {resumes.value.state === 'error' ? (
              <small class="otk-error" role="alert">
                {t.resumesFailed(resumes.value.error)}{' '}
                <button type="button" class="otk-btn otk-btn--sm" onClick={loadResumes}>{t.retry}</button>
              </small>
            ) : (
              <small>{resumes.value.state === 'loading' ? t.resumesLoading : t.resumeHint}</small>
            )}
          </label>
          {field('dailyCap', t.dailyCap, t.dailyCapHint, { inputMode: 'numeric' })}
          {field('currentEmployer', t.currentEmployer, t.currentEmployerHint)}
          {field('pacingMin', t.pacingMin, t.pacingMinHint, { inputMode: 'numeric' })}
          {field('pacingMax', t.pacingMax, t.pacingMaxHint, { inputMode: 'numeric' })}
          <div class="op__field op__field--wide">
            <Toggle id="opt-quiet" label={t.quiet} hint={t.quietHint} checked={d.quietEnabled} onChange={(v) => set('quietEnabled', v)} />
            <div class="op__checks">
              <label>{t.from} <input type="time" name="quietFrom" value={d.quietFrom} disabled={!d.quietEnabled} aria-invalid={!!e.quietFrom} onInput={(ev) => set('quietFrom', ev.currentTarget.value)} /></label>
              <label>{t.to} <input type="time" name="quietTo" value={d.quietTo} disabled={!d.quietEnabled} aria-invalid={!!e.quietTo} onInput={(ev) => set('quietTo', ev.currentTarget.value)} /></label>
            </div>
            {e.quietFrom || e.quietTo ? <small class="otk-error" role="alert">{e.quietFrom ?? e.quietTo}</small> : null}
          </div>
        </div>
      </section>

      <section class="op__sec" id="letters" aria-labelledby="sec-letters">
        <h2 id="sec-letters">{t.letters}</h2>
        {/* Saved on its own (every change), like the popup's switch: the section is not part of the profile draft. */}
        <ProviderSettings value={base.value.letters} onSave={async (letters) => void (await saveSettings({ ...(await getSettings()), letters }))} />
      </section>

      <section class="op__sec" id="stats" aria-labelledby="sec-stats">
        <h2 id="sec-stats">{t.stats}</h2>
        <StatsView />
      </section>

      <DiscoverySettings />
      <TelegramSettings />
      <QaBank />

      <section class="op__sec" id="data" aria-labelledby="sec-data">
        <h2 id="sec-data">{t.data}</h2>
        <p class="otk-muted" style="margin:0">{t.dataHint}</p>
        <div style="display:flex;gap:8px;flex-wrap:wrap">
          <button class="otk-btn" type="button" onClick={() => download(`otklik-settings-${new Date().toISOString().slice(0, 10)}.json`, exportSettings(base.value!))}>{t.export}</button>
          <SettingsImport current={base.value} t={t} lang={lang} onMessage={(m) => (message.value = m)} onApplied={load} />
        </div>
      </section>

      <div class="op__bar">
        <p class={`op__msg grow ${message.value?.kind === 'error' ? 'otk-error' : 'otk-ok'}`} role="status" data-testid="options-message">
          {message.value?.text ?? (dirty.value ? t.unsaved : '')}
        </p>
        <button class="otk-btn" type="button" disabled={!dirty.value} onClick={() => load(base.value!)}>{t.revert}</button>
        <button class="otk-btn otk-btn--primary" type="button" data-testid="save" onClick={() => void save()}>{t.save}</button>
      </div>
    </main>
  );
}
