import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { Toggle } from '../../components/Toggle';
import { EXPERIENCE_IDS, WORK_FORMATS, type ExperienceId, type WorkFormat } from '../../lib/match/vacancy';
import { formatBlacklist, formatList, parseBlacklist, parseList, parseMoney } from '../../lib/settings/form';
import { describeZodError, settingsSchema, type Settings } from '../../lib/settings/schema';
import { getSettings, saveSettings } from '../../lib/settings/store';
import { exportSettings, importSettings } from '../../lib/settings/transfer';
import { sendToBackground } from '../../lib/messaging';

const EXPERIENCE_LABEL: Record<ExperienceId, string> = {
  noExperience: 'No experience',
  between1And3: '1–3 years',
  between3And6: '3–6 years',
  moreThan6: 'More than 6 years',
};
const FORMAT_LABEL: Record<WorkFormat, string> = { ON_SITE: 'On site', REMOTE: 'Remote', HYBRID: 'Hybrid', FIELD_WORK: 'Field work' };

/** Settings field → the draft field that shows its error. */
const DRAFT_KEY: Record<string, keyof Draft> = {
  desiredTitles: 'titles',
  employerBlacklist: 'blacklist',
  'apply.dailyCap': 'dailyCap',
  'apply.pacing.minSeconds': 'pacingMin',
  'apply.pacing.maxSeconds': 'pacingMax',
  'apply.quietHours.from': 'quietFrom',
  'apply.quietHours.to': 'quietTo',
  'apply.currentEmployer': 'currentEmployer',
};

type Resumes = { state: 'loading' } | { state: 'ok'; list: { hash: string; title: string; latest?: boolean }[] } | { state: 'error'; error: string };

/** The form keeps raw text while the user types; it becomes Settings only on save. */
interface Draft {
  enabled: boolean;
  action: Settings['triage']['action'];
  showBadges: boolean;
  titles: string;
  skills: string;
  experience: ExperienceId | '';
  resumeText: string;
  excludeWords: string;
  minSalary: string;
  workFormats: WorkFormat[];
  cities: string;
  blacklist: string;
  dailyCap: string;
  pacingMin: string;
  pacingMax: string;
  quietEnabled: boolean;
  quietFrom: string;
  quietTo: string;
  resumeHash: string;
  currentEmployer: string;
}

const toDraft = (s: Settings): Draft => ({
  enabled: s.enabled,
  action: s.triage.action,
  showBadges: s.triage.showBadges,
  titles: formatList(s.profile.desiredTitles),
  skills: formatList(s.profile.skills, ', '),
  experience: s.profile.experience ?? '',
  resumeText: s.profile.resumeText,
  excludeWords: formatList(s.profile.excludeWords, ', '),
  minSalary: s.profile.minSalary === null ? '' : String(s.profile.minSalary),
  workFormats: [...s.profile.workFormats],
  cities: formatList(s.profile.cities, ', '),
  blacklist: formatBlacklist(s.profile.employerBlacklist),
  dailyCap: String(s.apply.dailyCap),
  pacingMin: String(s.apply.pacing.minSeconds),
  pacingMax: String(s.apply.pacing.maxSeconds),
  quietEnabled: s.apply.quietHours.enabled,
  quietFrom: s.apply.quietHours.from,
  quietTo: s.apply.quietHours.to,
  resumeHash: s.apply.defaultResumeHash ?? '',
  currentEmployer: s.apply.currentEmployer,
});

/** "" or digits → number; anything else is kept as NaN so the schema names the field. */
const num = (t: string) => (/^\s*\d+\s*$/.test(t) ? Number(t) : Number.NaN);

function fromDraft(d: Draft, base: Settings): { ok: true; settings: Settings } | { ok: false; errors: Record<string, string> } {
  const money = parseMoney(d.minSalary);
  if (!money.ok) return { ok: false, errors: { minSalary: money.error } };
  const candidate = {
    ...base,
    enabled: d.enabled,
    triage: { ...base.triage, action: d.action, showBadges: d.showBadges },
    profile: {
      ...base.profile,
      desiredTitles: parseList(d.titles, { commas: false }),
      skills: parseList(d.skills),
      experience: d.experience || null,
      resumeText: d.resumeText.trim(),
      excludeWords: parseList(d.excludeWords),
      minSalary: money.value,
      workFormats: d.workFormats,
      cities: parseList(d.cities),
      employerBlacklist: parseBlacklist(d.blacklist),
    },
    apply: {
      ...base.apply,
      dailyCap: num(d.dailyCap),
      pacing: { minSeconds: num(d.pacingMin), maxSeconds: num(d.pacingMax) },
      quietHours: { enabled: d.quietEnabled, from: d.quietFrom, to: d.quietTo },
      defaultResumeHash: d.resumeHash || null,
      currentEmployer: d.currentEmployer.trim(),
    },
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] === 'profile' ? String(issue.path[1]) : issue.path.map(String).join('.');
    errors[DRAFT_KEY[key] ?? key] = issue.message;
  }
  errors['_'] = describeZodError(parsed.error);
  return { ok: false, errors };
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function App() {
  const state = useMemo(
    () => ({
      base: signal<Settings | null>(null),
      draft: signal<Draft | null>(null),
      errors: signal<Record<string, string>>({}),
      message: signal<{ kind: 'ok' | 'error'; text: string } | null>(null),
      dirty: signal(false),
      resumes: signal<Resumes>({ state: 'loading' }),
    }),
    [],
  );
  const { base, draft, errors, message, dirty, resumes } = state;
  const loadResumes = () => {
    resumes.value = { state: 'loading' };
    sendToBackground('listResumes', {}).then(
      (r) => (resumes.value = r.ok ? { state: 'ok', list: r.resumes } : { state: 'error', error: r.error ?? 'unknown error' }),
      (e: unknown) => (resumes.value = { state: 'error', error: e instanceof Error ? e.message : String(e) }),
    );
  };
  useEffect(loadResumes, []);
  const load = (s: Settings) => {
    base.value = s;
    draft.value = toDraft(s);
    dirty.value = false;
  };
  useEffect(() => void getSettings().then(load), []);

  const d = draft.value;
  if (!d || !base.value) return <main class="op">Loading…</main>;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    draft.value = { ...d, [key]: value };
    dirty.value = true;
    message.value = null;
  };
  const field = (key: keyof Draft, label: string, hint: string, opts: { rows?: number; wide?: boolean } = {}) => (
    <label class={`op__field${opts.wide ? ' op__field--wide' : ''}`}>
      <span>{label}</span>
      {opts.rows ? (
        <textarea name={key} rows={opts.rows} value={d[key] as string} aria-invalid={!!errors.value[key]} onInput={(e) => set(key, e.currentTarget.value as never)} />
      ) : (
        <input name={key} type="text" value={d[key] as string} aria-invalid={!!errors.value[key]} onInput={(e) => set(key, e.currentTarget.value as never)} />
      )}
      {errors.value[key] ? <small class="otk-error" role="alert">{errors.value[key]}</small> : <small>{hint}</small>}
    </label>
  );

  const save = async () => {
    const r = fromDraft(d, base.value!);
    if (!r.ok) {
      errors.value = r.errors;
      message.value = { kind: 'error', text: `Not saved: ${r.errors['_'] ?? Object.values(r.errors)[0]}` };
      return;
    }
    errors.value = {};
    load(await saveSettings(r.settings));
    message.value = { kind: 'ok', text: 'Saved. Open hh.ru tabs re-score right away.' };
  };

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    const r = importSettings(await file.text());
    if (!r.ok) {
      message.value = { kind: 'error', text: `Import failed, nothing changed. ${r.error}` };
      return;
    }
    load(await saveSettings(r.settings));
    message.value = { kind: 'ok', text: r.migratedFrom ? `Imported (upgraded from settings version ${r.migratedFrom}).` : 'Imported.' };
  };

  return (
    <main class="op" data-testid="options">
      <header class="op__head">
        <span class="op__logo">Otklik</span>
        <h1>Profile & settings</h1>
      </header>

      <section class="op__sec" aria-labelledby="sec-general">
        <h2 id="sec-general">Listing triage</h2>
        <Toggle id="opt-enabled" label="Otklik is on" hint="Off leaves hh.ru pages exactly as they are." checked={d.enabled} onChange={(v) => set('enabled', v)} />
        <Toggle id="opt-badges" label="Show a score badge on each vacancy" checked={d.showBadges} onChange={(v) => set('showBadges', v)} />
        <fieldset class="op__checks" style="border:0;padding:0;margin:0">
          <legend class="otk-muted" style="padding:0 0 4px">Irrelevant vacancies are</legend>
          {(['hide', 'dim'] as const).map((a) => (
            <label key={a}>
              <input type="radio" name="action" value={a} checked={d.action === a} onChange={() => set('action', a)} />
              {a === 'hide' ? 'hidden (a bar lets you show them)' : 'dimmed'}
            </label>
          ))}
        </fieldset>
      </section>

      <section class="op__sec" aria-labelledby="sec-profile">
        <h2 id="sec-profile">What you are looking for</h2>
        <div class="op__grid">
          {field('titles', 'Desired job titles', 'One per line, e.g. "Python-разработчик".', { rows: 3 })}
          {field('skills', 'Your skills', 'Comma-separated: Python, Django, SQL…', { rows: 3 })}
          <label class="op__field">
            <span>Your experience</span>
            <select name="experience" value={d.experience} onChange={(e) => set('experience', e.currentTarget.value as ExperienceId | '')}>
              <option value="">Not set</option>
              {EXPERIENCE_IDS.map((id) => (
                <option key={id} value={id}>{EXPERIENCE_LABEL[id]}</option>
              ))}
            </select>
            <small>Vacancies asking for much more are marked down.</small>
          </label>
          {field('minSalary', 'Minimum salary, ₽ per month', 'Empty = no limit. Vacancies without a salary are not hidden for it.')}
          {field('resumeText', 'Resume text', 'Paste your resume summary: it helps to judge full vacancy texts.', { rows: 5, wide: true })}
        </div>
      </section>

      <section class="op__sec" aria-labelledby="sec-filters">
        <h2 id="sec-filters">Filters</h2>
        <div class="op__grid">
          {field('excludeWords', 'Stop-words in the title', 'A vacancy whose title has one is hidden: стажёр, senior, продаж…', { rows: 2 })}
          {field('cities', 'Cities', 'Empty = any city. Remote vacancies always pass.', { rows: 2 })}
          <div class="op__field op__field--wide">
            <span>Work format</span>
            <div class="op__checks">
              {WORK_FORMATS.map((f) => (
                <label key={f}>
                  <input type="checkbox" checked={d.workFormats.includes(f)} onChange={(e) => set('workFormats', e.currentTarget.checked ? [...d.workFormats, f] : d.workFormats.filter((x) => x !== f))} />
                  {FORMAT_LABEL[f]}
                </label>
              ))}
            </div>
            <small>None ticked = any format.</small>
          </div>
          {field('blacklist', 'Employer blacklist', 'One per line: a name, or "12345 Name" with the hh employer id.', { rows: 3, wide: true })}
        </div>
      </section>

      <section class="op__sec" aria-labelledby="sec-apply">
        <h2 id="sec-apply">Applying</h2>
        <div class="op__grid">
          <label class="op__field op__field--wide">
            <span>Resume to apply with</span>
            <select name="resumeHash" value={d.resumeHash} aria-invalid={!!errors.value['apply.defaultResumeHash']} onChange={(e) => set('resumeHash', e.currentTarget.value)}>
              <option value="">{resumes.value.state === 'ok' && resumes.value.list.length ? 'Choose a resume…' : 'Not chosen'}</option>
              {resumes.value.state === 'ok'
                ? resumes.value.list.map((r) => (
                    <option key={r.hash} value={r.hash}>{r.title}{r.latest ? ' (latest)' : ''}</option>
                  ))
                : null}
              {d.resumeHash && !(resumes.value.state === 'ok' && resumes.value.list.some((r) => r.hash === d.resumeHash)) ? (
                <option value={d.resumeHash}>Saved resume {d.resumeHash.slice(0, 8)}…</option>
              ) : null}
            </select>
            {resumes.value.state === 'error' ? (
              <small class="otk-error" role="alert">
                Could not read your resumes from hh.ru ({resumes.value.error}). Log in to hh.ru in this browser, then{' '}
                <button type="button" class="otk-btn" style="padding:0 6px" onClick={loadResumes}>retry</button>
              </small>
            ) : (
              <small>{resumes.value.state === 'loading' ? 'Reading your resumes from hh.ru…' : 'Every queued application uses this resume unless you pick another for a job.'}</small>
            )}
          </label>
          {field('dailyCap', 'Applications per 24 hours', 'At most 200: hh.ru refuses more. 50 is a calm pace.')}
          {field('currentEmployer', 'Your current employer', 'Never applied to, in addition to the blacklist.')}
          {field('pacingMin', 'Pause between applications, from (s)', 'A random pause between "from" and "to" looks like a person.')}
          {field('pacingMax', 'Pause between applications, to (s)', 'Default 30–90 seconds.')}
          <div class="op__field op__field--wide">
            <Toggle id="opt-quiet" label="Quiet hours" hint="No applications are sent in this window (local time; may span midnight)." checked={d.quietEnabled} onChange={(v) => set('quietEnabled', v)} />
            <div class="op__checks">
              <label>from <input type="time" name="quietFrom" value={d.quietFrom} disabled={!d.quietEnabled} onInput={(e) => set('quietFrom', e.currentTarget.value)} /></label>
              <label>to <input type="time" name="quietTo" value={d.quietTo} disabled={!d.quietEnabled} onInput={(e) => set('quietTo', e.currentTarget.value)} /></label>
            </div>
            {errors.value['quietFrom'] || errors.value['quietTo'] ? <small class="otk-error">{errors.value['quietFrom'] ?? errors.value['quietTo']}</small> : null}
          </div>
        </div>
      </section>

      <section class="op__sec" aria-labelledby="sec-data">
        <h2 id="sec-data">Your data</h2>
        <p class="otk-muted" style="margin:0">Export your settings to a file, or import a file exported before. API keys are never exported.</p>
        <div style="display:flex;gap:8px;flex-wrap:wrap">
          <button class="otk-btn" type="button" onClick={() => download(`otklik-settings-${new Date().toISOString().slice(0, 10)}.json`, exportSettings(base.value!))}>
            Export settings
          </button>
          <label class="otk-btn">
            Import settings…
            <input type="file" accept="application/json,.json" data-testid="import-file" style="display:none" onChange={(e) => void onImport(e.currentTarget.files?.[0])} />
          </label>
        </div>
      </section>

      <div class="op__bar">
        <p class={`op__msg grow ${message.value?.kind === 'error' ? 'otk-error' : 'otk-ok'}`} role="status" data-testid="options-message">
          {message.value?.text ?? (dirty.value ? 'Unsaved changes' : '')}
        </p>
        <button class="otk-btn" type="button" disabled={!dirty.value} onClick={() => load(base.value!)}>Revert</button>
        <button class="otk-btn otk-btn--primary" type="button" data-testid="save" onClick={() => void save()}>Save</button>
      </div>
    </main>
  );
}
