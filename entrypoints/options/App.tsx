import { useEffect, useMemo, useRef } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { searchTextUrl } from '../../lib/core/hh/urls';
import { Toggle } from '../../lib/ext-pages/Toggle';
import { draftProfile, fromDraft, toDraft, type Draft, type DraftErrors } from '../../lib/ext-pages/options/draft';
import { ResumeImport, type ImportedResume } from '../../lib/ext-pages/options/ResumeImport';
import { AUTOSAVE_MS } from '../../lib/ext-pages/options/autosave';
import { optionsTexts } from '../../lib/ext-pages/options/texts';
import { ThresholdPreview } from '../../lib/ext-pages/options/ThresholdPreview';
import { TimeSelect } from '../../lib/ext-pages/options/TimeSelect';
import { ProviderSettings } from '../../lib/ext-pages/letters/ProviderSettings';
import { uiLang } from '../../lib/core/i18n/lang';
import { DEFAULT_THRESHOLDS } from '../../lib/core/match';
import { EMPLOYER_WARNINGS, EXPERIENCE_IDS, WORK_FORMATS, type ExperienceId } from '../../lib/core/match/vacancy';
import { WARNING_TEXT } from '../../lib/core/match/reasons';
import type { Settings } from '../../lib/core/settings/schema';
import {
  acceptFallbacks,
  getSettings,
  loadSettings,
  saveSettings,
  watchSettings,
  type SettingsFallback,
} from '../../lib/core/settings/store';
import { SettingsImport } from '../../lib/ext-pages/options/SettingsImport';
import { FallbackNotice } from '../../lib/ext-pages/options/FallbackNotice';
import { exportSettings } from '../../lib/ext-pages/settings/transfer';
import { sendToBackground } from '../../lib/core/messaging';
import { DiscoverySettings } from '../../lib/ext-pages/discovery/DiscoverySettings';
import { TelegramSettings } from '../../lib/ext-pages/discovery/TelegramSettings';
import { QaBank } from '../../lib/ext-pages/negotiations/QaBank';
import { LearnedFeedback } from '../../lib/ext-pages/options/LearnedFeedback';
import { RolePicker } from '../../lib/ext-pages/options/RolePicker';
import { LanguagePicker, LicencePicker } from '../../lib/ext-pages/options/LicenceLanguages';
import { DRIVER_LICENCES, LANGUAGE_LEVELS, type Language } from '../../lib/core/match/profile';

/** The default thresholds as the sliders show them (percent of the calibrated score). */
const DEFAULT_PCT = { hide: Math.round(DEFAULT_THRESHOLDS.hide * 100), dim: Math.round(DEFAULT_THRESHOLDS.dim * 100) };

type Resumes =
  | { state: 'loading' }
  | { state: 'ok'; list: { hash: string; title: string; latest?: boolean | undefined }[] }
  | { state: 'error'; error: string };
type SaveState =
  { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; text: string } | { kind: 'note'; text: string };

/** The page's sections in order (the navigation); the features' own sections keep their ids. */
const SECTIONS = [
  'welcome',
  'profile',
  'hide',
  'apply',
  'letters',
  'discovery',
  'notifications',
  'qa',
  'data',
] as const;
/** Old anchors (links from the popup, bookmarks) → the section that holds them now. */
const ALIASES: Record<string, string> = { filters: 'hide', triage: 'hide' };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Profile and settings: sections with a navigation that follows the scroll, one save model (every change is
 * saved by itself once it passes its checks; secrets have their own button), and a first-run path (import the hh
 * resume → check the profile → open a triaged search).
 */
export function App() {
  const lang = uiLang();
  const t = optionsTexts[lang];
  const state = useMemo(
    () => ({
      base: signal<Settings | null>(null),
      draft: signal<Draft | null>(null),
      errors: signal<DraftErrors>({}),
      save: signal<SaveState>({ kind: 'idle' }),
      resumes: signal<Resumes>({ state: 'loading' }),
      undo: signal<Draft | null>(null),
      welcome: signal(false),
      step3: signal(false),
      active: signal<string>('profile'),
      /** Stored fields that failed their schema and read as defaults (named in a notice until fixed). */
      fallbacks: signal<{ list: SettingsFallback[]; newerVersion?: number | undefined }>({ list: [] }),
    }),
    [],
  );
  const { base, draft, errors, save, resumes, undo, welcome, fallbacks } = state;
  /** A save is scheduled or running: a storage change seen meanwhile must not overwrite what the user types. */
  const pending = useRef<{ timer: ReturnType<typeof setTimeout> | null; saving: boolean; lastSaved: string }>({
    timer: null,
    saving: false,
    lastSaved: '',
  });
  const loadResumes = () => {
    resumes.value = { state: 'loading' };
    sendToBackground('listResumes', {}).then(
      (r) =>
        (resumes.value = r.ok
          ? { state: 'ok', list: r.resumes }
          : { state: 'error', error: r.error ?? 'unknown error' }),
      (e: unknown) => (resumes.value = { state: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
  };
  const load = (s: Settings) => {
    base.value = s;
    draft.value = toDraft(s);
    errors.value = {};
  };
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `Otklik — ${t.title}`;
    loadResumes();
    void loadSettings().then((r) => {
      const s = r.settings;
      load(s);
      fallbacks.value = { list: r.fallbacks, newerVersion: r.newerVersion };
      const hash = location.hash.slice(1);
      welcome.value = hash === 'welcome' || (s.profile.desiredTitles.length === 0 && s.profile.skills.length === 0);
      // The popup links to #welcome / #profile: scroll there once the sections exist.
      const id = ALIASES[hash] ?? hash;
      if (id) requestAnimationFrame(() => document.getElementById(id)?.scrollIntoView());
    });
    // Another context saved (the popup's on/off switch, a second options tab): follow it unless the user is editing.
    const unwatch = watchSettings((s, read) => {
      fallbacks.value = { ...fallbacks.value, list: read.fallbacks };
      const p = pending.current;
      if (JSON.stringify(s) === p.lastSaved) return void (base.value = s); // our own save coming back
      if (p.timer || p.saving) base.value = s;
      else load(s);
    });
    // The navigation marks the section being read.
    const onScroll = () => {
      let current: string = SECTIONS[0];
      for (const id of SECTIONS) {
        const el = document.getElementById(id);
        if (el && el.getBoundingClientRect().top < 140) current = id;
      }
      if (innerHeight + scrollY >= document.documentElement.scrollHeight - 4) current = 'data';
      state.active.value = current;
    };
    addEventListener('scroll', onScroll, { passive: true });
    setTimeout(onScroll, 300); // once the sections are drawn (and scrolled to a #section)
    return () => {
      unwatch();
      removeEventListener('scroll', onScroll);
    };
  }, []);

  const d = draft.value;
  if (!d || !base.value) return <main class="op__loading">{t.loading}</main>;
  const e = errors.value;

  /** Checks the draft and saves it when it passes; otherwise shows what to fix. */
  const commit = async () => {
    const p = pending.current;
    p.timer = null;
    const r = fromDraft(draft.value!, base.value!, t);
    if (!r.ok) {
      errors.value = r.errors;
      const n = Object.keys(r.errors).filter((k) => k !== '_').length;
      save.value = { kind: 'error', text: n ? t.notSaved(n) : (r.errors._ ?? '') };
      return;
    }
    errors.value = {};
    p.saving = true;
    save.value = { kind: 'saving' };
    try {
      const saved = await saveSettings(r.settings);
      p.lastSaved = JSON.stringify(saved);
      base.value = saved;
      if (!p.timer) save.value = { kind: 'saved' };
    } catch (err) {
      save.value = { kind: 'error', text: err instanceof Error ? err.message : String(err) };
    } finally {
      p.saving = false;
    }
  };
  const schedule = () => {
    const p = pending.current;
    if (p.timer) clearTimeout(p.timer);
    p.timer = setTimeout(() => void commit(), AUTOSAVE_MS);
    if (save.value.kind !== 'error') save.value = { kind: 'saving' };
  };
  const setMany = (patch: Partial<Draft>) => {
    draft.value = { ...draft.value!, ...patch };
    const cleared = Object.fromEntries(Object.keys(patch).map((k) => [k, undefined]));
    if (Object.keys(patch).some((k) => e[k as keyof Draft])) errors.value = { ...errors.value, ...cleared };
    schedule();
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setMany({ [key]: value } as Partial<Draft>);
  const hint = (key: keyof Draft, text: string) =>
    e[key] ? (
      <small id={`${key}-msg`} class="otk-error" role="alert">
        {e[key]}
      </small>
    ) : (
      <small id={`${key}-msg`}>{text}</small>
    );
  const field = (
    key: keyof Draft,
    label: string,
    help: string,
    opts: { rows?: number; wide?: boolean; inputMode?: 'numeric'; short?: boolean } = {},
  ) => (
    <label class={`op__field${opts.wide ? ' op__field--wide' : ''}${opts.short ? ' op__field--short' : ''}`}>
      <span>{label}</span>
      {opts.rows ? (
        <textarea
          name={key}
          rows={opts.rows}
          value={d[key] as string}
          aria-invalid={!!e[key]}
          aria-describedby={`${key}-msg`}
          onInput={(ev) => set(key, ev.currentTarget.value as never)}
        />
      ) : (
        <input
          name={key}
          type="text"
          inputMode={opts.inputMode}
          value={d[key] as string}
          aria-invalid={!!e[key]}
          aria-describedby={`${key}-msg`}
          onInput={(ev) => set(key, ev.currentTarget.value as never)}
        />
      )}
      {hint(key, help)}
    </label>
  );
  const focusFirstError = () =>
    (document.querySelector('.op__main [aria-invalid="true"]') as HTMLElement | null)?.focus();

  const onResume = (r: ImportedResume) => {
    // The resume replaces what it has (the hint says so); fields it lacks keep the user's values. Undo brings
    // the fields back.
    undo.value = draft.value;
    setMany({
      titles: r.title || d.titles,
      skills: r.skills.length ? r.skills.join(', ') : d.skills,
      experience: r.experience ?? d.experience,
      resumeText: r.text || d.resumeText,
      professionalRoles: r.professionalRoles.length ? r.professionalRoles : d.professionalRoles,
      driverLicences: r.driverLicences.length
        ? r.driverLicences.filter((x): x is Draft['driverLicences'][number] =>
            (DRIVER_LICENCES as readonly string[]).includes(x),
          )
        : d.driverLicences,
      languages: r.languages.length
        ? r.languages.filter((l): l is Language => (LANGUAGE_LEVELS as readonly string[]).includes(l.level))
        : d.languages,
    });
  };

  const profile = draftProfile(d, base.value);
  const resumeList = resumes.value.state === 'ok' ? resumes.value.list : [];
  const importer = (
    <>
      <ResumeImport resumes={resumeList} t={t} onImported={onResume} />
      {undo.value ? (
        <p class="otk-help op__undo">
          <button
            type="button"
            class="otk-btn otk-btn--sm"
            data-testid="undo-import"
            onClick={() => {
              setMany(undo.value!);
              undo.value = null;
              save.value = { kind: 'note', text: t.importUndone };
            }}
          >
            {t.undoImport}
          </button>
        </p>
      ) : null}
    </>
  );
  const hasProfile = profile.desiredTitles.length > 0 || profile.skills.length > 0;
  const firstTitle = profile.desiredTitles[0] ?? profile.skills[0] ?? '';
  const sv = save.value;
  const sections = SECTIONS.filter((id) => id !== 'welcome' || welcome.value);
  return (
    <div class="op">
      <aside class="op__side">
        <div class="op__brand">
          <span class="op__logo">Otklik</span>
          <span class="op__title">{t.title}</span>
        </div>
        <nav class="op__nav" aria-label={t.title}>
          {sections.map((id) => (
            <a
              key={id}
              href={`#${id}`}
              aria-current={state.active.value === id ? 'true' : undefined}
              class={state.active.value === id ? 'is-on' : ''}
            >
              {t.nav[id]}
            </a>
          ))}
        </nav>
        <div class={`op__save op__save--${sv.kind}`} role="status" data-testid="options-message">
          {sv.kind === 'error' ? (
            <>
              <span>{sv.text}</span>
              {Object.keys(e).length ? (
                <button type="button" class="otk-btn otk-btn--sm" data-testid="show-error" onClick={focusFirstError}>
                  {t.showError}
                </button>
              ) : null}
            </>
          ) : sv.kind === 'saving' ? (
            t.saving
          ) : sv.kind === 'saved' ? (
            t.saved
          ) : sv.kind === 'note' ? (
            sv.text
          ) : (
            t.autosave
          )}
        </div>
      </aside>

      <main class="op__main" data-testid="options">
        <FallbackNotice
          fallbacks={fallbacks.value.list}
          newerVersion={fallbacks.value.newerVersion}
          onAccept={() => void acceptFallbacks()}
        />
        {welcome.value ? (
          <section class="op__sec op__welcome" id="welcome" aria-labelledby="sec-welcome" data-testid="welcome">
            <div class="op__sec-head">
              <h2 id="sec-welcome">{t.welcome}</h2>
              <p class="otk-help">{t.welcomeHint}</p>
            </div>
            <ol class="op-steps">
              <li class={undo.value || hasProfile ? 'is-done' : 'is-now'}>
                <b>{t.step1}</b>
                <p class="otk-help">{t.step1Hint}</p>
                {importer}
              </li>
              <li class={hasProfile ? (state.step3.value ? 'is-done' : 'is-done') : ''}>
                <b>{t.step2}</b>
                <p class="otk-help">{t.step2Hint}</p>
                <a class="otk-btn otk-btn--sm" href="#profile">
                  {t.step2Go}
                </a>
              </li>
              <li class={state.step3.value ? 'is-done' : hasProfile ? 'is-now' : ''}>
                <b>{t.step3}</b>
                <p class="otk-help">{t.step3Hint}</p>
                <span class="op__row">
                  <button
                    type="button"
                    class="otk-btn otk-btn--sm otk-btn--primary"
                    data-testid="welcome-open-search"
                    disabled={!firstTitle}
                    onClick={() => {
                      state.step3.value = true;
                      void browser.tabs.create({ url: searchTextUrl(firstTitle) });
                    }}
                  >
                    {t.step3Go}
                  </button>
                  {hasProfile ? (
                    <button type="button" class="otk-btn otk-btn--sm" onClick={() => (welcome.value = false)}>
                      {t.welcomeDone}
                    </button>
                  ) : null}
                </span>
              </li>
            </ol>
          </section>
        ) : null}

        <section class="op__sec" id="profile" aria-labelledby="sec-profile">
          <div class="op__sec-head">
            <h2 id="sec-profile">{t.profile}</h2>
          </div>
          {welcome.value ? null : importer}
          <div class="op__grid">
            {field('titles', t.titles, t.titlesHint, { rows: 3 })}
            {field('skills', t.skills, t.skillsHint, { rows: 3 })}
            <label class="op__field">
              <span>{t.experience}</span>
              <select
                name="experience"
                value={d.experience}
                onChange={(ev) => set('experience', ev.currentTarget.value as ExperienceId | '')}
              >
                <option value="">{t.expNone}</option>
                {EXPERIENCE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {t.exp[id]}
                  </option>
                ))}
              </select>
              <small>{t.experienceHint}</small>
            </label>
            {field('minSalary', t.minSalary, t.minSalaryHint, { inputMode: 'numeric' })}
            {field('resumeText', t.resumeText, t.resumeTextHint, { rows: 6, wide: true })}
            <RolePicker
              value={d.professionalRoles}
              onChange={(v) => set('professionalRoles', v)}
              t={t}
              error={e.professionalRoles}
            />
            <LicencePicker value={d.driverLicences} onChange={(v) => set('driverLicences', v)} t={t} />
            <LanguagePicker
              value={d.languages}
              onChange={(v) => set('languages', v)}
              t={t}
              lang={lang}
              error={e.languages}
            />
          </div>
          {/* Slot: "What Otklik learned" from your choices, with a reset (issue 17), goes here. */}
        </section>

        <section class="op__sec" id="hide" aria-labelledby="sec-hide">
          <div class="op__sec-head">
            <h2 id="sec-hide">{t.hide}</h2>
          </div>
          <h3 class="op__sub" id="filters">
            {t.filtersSub}
          </h3>
          <div class="op__grid">
            {field('excludeWords', t.stopWords, t.stopWordsHint, { rows: 2 })}
            {field('cities', t.cities, t.citiesHint, { rows: 2 })}
            <fieldset class="op__field op__field--wide op__fieldset">
              <legend>{t.workFormat}</legend>
              <div class="op__checks">
                {WORK_FORMATS.map((f) => (
                  <label key={f} class="otk-check">
                    <input
                      type="checkbox"
                      name={`format-${f}`}
                      checked={d.workFormats.includes(f)}
                      onChange={(ev) =>
                        set(
                          'workFormats',
                          ev.currentTarget.checked ? [...d.workFormats, f] : d.workFormats.filter((x) => x !== f),
                        )
                      }
                    />
                    <span>{t.formats[f]}</span>
                  </label>
                ))}
              </div>
              <small>{t.workFormatHint}</small>
            </fieldset>
            {field('blacklist', t.blacklist, t.blacklistHint, { rows: 3, wide: true })}
            <fieldset class="op__field op__field--wide op__fieldset" data-testid="employer-warnings">
              <legend>{t.employerWarnings}</legend>
              <div class="op__checks">
                {EMPLOYER_WARNINGS.map((f) => (
                  <label key={f} class="otk-check">
                    <input
                      type="checkbox"
                      name={`warning-${f}`}
                      checked={d.hideEmployerWarnings.includes(f)}
                      onChange={(ev) =>
                        set(
                          'hideEmployerWarnings',
                          ev.currentTarget.checked
                            ? [...d.hideEmployerWarnings, f]
                            : d.hideEmployerWarnings.filter((x) => x !== f),
                        )
                      }
                    />
                    <span>{WARNING_TEXT[f]![lang === 'en' ? 0 : 1]}</span>
                  </label>
                ))}
              </div>
              <small>{t.employerWarningsHint}</small>
            </fieldset>
          </div>
          <h3 class="op__sub" id="triage">
            {t.triageSub}
          </h3>
          <div class="op__toggles">
            <Toggle
              id="opt-enabled"
              label={t.enabled}
              hint={t.enabledHint}
              checked={d.enabled}
              onChange={(v) => set('enabled', v)}
            />
            <Toggle id="opt-badges" label={t.badges} checked={d.showBadges} onChange={(v) => set('showBadges', v)} />
          </div>
          <fieldset class="op__fieldset">
            <legend>{t.irrelevant}</legend>
            <div class="op__checks">
              {(['hide', 'dim'] as const).map((a) => (
                <label key={a} class="otk-radio">
                  <input
                    type="radio"
                    name="action"
                    value={a}
                    checked={d.action === a}
                    onChange={() => set('action', a)}
                  />
                  <span>{a === 'hide' ? t.hideAction : t.dim}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div class="op-thresholds">
            <div class="op-thresholds__controls">
              <b>{t.thresholds}</b>
              {(['hideBelow', 'dimBelow'] as const).map((k) => (
                <label key={k} class={`op-slider op-slider--${k}`}>
                  <span>{k === 'hideBelow' ? t.hideBelow : t.dimBelow}</span>
                  <input
                    type="range"
                    name={k}
                    min={0}
                    max={100}
                    step={1}
                    value={d[k]}
                    aria-invalid={!!e[k]}
                    aria-describedby="thresholds-msg"
                    onInput={(ev) => set(k, Number(ev.currentTarget.value))}
                  />
                  <output>{d[k]}</output>
                </label>
              ))}
              {e.hideBelow ? (
                <small id="thresholds-msg" class="otk-error" role="alert">
                  {e.hideBelow}
                </small>
              ) : (
                <small id="thresholds-msg" class="otk-help">
                  {t.thresholdsHint}
                </small>
              )}
              <button
                type="button"
                class="otk-btn otk-btn--sm"
                disabled={d.hideBelow === DEFAULT_PCT.hide && d.dimBelow === DEFAULT_PCT.dim}
                onClick={() => setMany({ hideBelow: DEFAULT_PCT.hide, dimBelow: DEFAULT_PCT.dim })}
              >
                {t.resetThresholds}
              </button>
            </div>
            <ThresholdPreview
              profile={profile}
              hide={d.hideBelow}
              dim={d.dimBelow}
              action={d.action}
              t={t}
              lang={lang}
            />
          </div>
          <LearnedFeedback lang={lang} />
        </section>

        <section class="op__sec" id="apply" aria-labelledby="sec-apply">
          <div class="op__sec-head">
            <h2 id="sec-apply">{t.apply}</h2>
          </div>
          <div class="op__grid">
            <label class="op__field op__field--wide">
              <span>{t.resumeToApply}</span>
              <select
                name="resumeHash"
                value={d.resumeHash}
                onChange={(ev) => set('resumeHash', ev.currentTarget.value)}
              >
                <option value="">{resumeList.length ? t.chooseResume : t.notChosen}</option>
                {resumeList.map((r) => (
                  <option key={r.hash} value={r.hash}>
                    {r.title}
                    {r.latest ? t.latest : ''}
                  </option>
                ))}
                {d.resumeHash && !resumeList.some((r) => r.hash === d.resumeHash) ? (
                  <option value={d.resumeHash}>{t.savedResume(d.resumeHash)}</option>
                ) : null}
              </select>
              {resumes.value.state === 'error' ? (
                <small class="otk-error" role="alert">
                  {t.resumesFailed(resumes.value.error)}{' '}
                  <button type="button" class="otk-btn otk-btn--sm" onClick={loadResumes}>
                    {t.retry}
                  </button>
                </small>
              ) : (
                <small>{resumes.value.state === 'loading' ? t.resumesLoading : t.resumeHint}</small>
              )}
            </label>
            {field('dailyCap', t.dailyCap, t.dailyCapHint, { inputMode: 'numeric', short: true })}
            {field('currentEmployer', t.currentEmployer, t.currentEmployerHint)}
            {field('pacingMin', t.pacingMin, t.pacingMinHint, { inputMode: 'numeric', short: true })}
            {field('pacingMax', t.pacingMax, t.pacingMaxHint, { inputMode: 'numeric', short: true })}
            <div class="op__field op__field--wide">
              <Toggle
                id="opt-quiet"
                label={t.quiet}
                hint={t.quietHint}
                checked={d.quietEnabled}
                onChange={(v) => set('quietEnabled', v)}
              />
              <div class="op__checks op__times">
                <label>
                  {t.from}{' '}
                  <TimeSelect
                    name="quietFrom"
                    label={`${t.quiet}: ${t.from}`}
                    value={d.quietFrom}
                    lang={lang}
                    disabled={!d.quietEnabled}
                    invalid={!!e.quietFrom}
                    onChange={(v) => set('quietFrom', v)}
                  />
                </label>
                <label>
                  {t.to}{' '}
                  <TimeSelect
                    name="quietTo"
                    label={`${t.quiet}: ${t.to}`}
                    value={d.quietTo}
                    lang={lang}
                    disabled={!d.quietEnabled}
                    invalid={!!e.quietTo}
                    onChange={(v) => set('quietTo', v)}
                  />
                </label>
              </div>
              {e.quietFrom || e.quietTo ? (
                <small class="otk-error" role="alert">
                  {e.quietFrom ?? e.quietTo}
                </small>
              ) : null}
            </div>
          </div>
        </section>

        <section class="op__sec" id="letters" aria-labelledby="sec-letters">
          <div class="op__sec-head">
            <h2 id="sec-letters">{t.letters}</h2>
          </div>
          {/* The section keeps its own settings; it saves each change by itself, like every section here. */}
          <ProviderSettings
            value={base.value.letters}
            onSave={async (letters) => void (await saveSettings({ ...(await getSettings()), letters }))}
          />
        </section>

        <DiscoverySettings />
        <TelegramSettings />
        <QaBank />

        <section class="op__sec" id="data" aria-labelledby="sec-data">
          <div class="op__sec-head">
            <h2 id="sec-data">{t.data}</h2>
          </div>
          <p class="otk-help">{t.dataHint}</p>
          <div class="op__row">
            <button
              class="otk-btn"
              type="button"
              onClick={() =>
                download(`otklik-settings-${new Date().toISOString().slice(0, 10)}.json`, exportSettings(base.value!))
              }
            >
              {t.export}
            </button>
            <SettingsImport
              current={base.value}
              t={t}
              lang={lang}
              onMessage={(m) =>
                (save.value = m ? { kind: m.kind === 'ok' ? 'note' : 'error', text: m.text } : { kind: 'idle' })
              }
              onApplied={(written) => {
                pending.current.lastSaved = JSON.stringify(written);
                load(written);
              }}
            />
          </div>
        </section>
      </main>
    </div>
  );
}
