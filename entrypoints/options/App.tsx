import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { Toggle } from '../../components/Toggle';
import { EXPERIENCE_IDS, WORK_FORMATS, type ExperienceId, type WorkFormat } from '../../lib/match/vacancy';
import { formatBlacklist, formatList, parseBlacklist, parseList, parseMoney } from '../../lib/settings/form';
import { describeZodError, settingsSchema, type Settings } from '../../lib/settings/schema';
import { getSettings, saveSettings } from '../../lib/settings/store';
import { exportSettings, importSettings } from '../../lib/settings/transfer';

const EXPERIENCE_LABEL: Record<ExperienceId, string> = {
  noExperience: 'No experience',
  between1And3: '1–3 years',
  between3And6: '3–6 years',
  moreThan6: 'More than 6 years',
};
const FORMAT_LABEL: Record<WorkFormat, string> = { ON_SITE: 'On site', REMOTE: 'Remote', HYBRID: 'Hybrid', FIELD_WORK: 'Field work' };

/** Settings field → the draft field that shows its error. */
const DRAFT_KEY: Record<string, keyof Draft> = { desiredTitles: 'titles', employerBlacklist: 'blacklist' };

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
});

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
  };
  const parsed = settingsSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] === 'profile' ? String(issue.path[1]) : issue.path.join('.');
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
    }),
    [],
  );
  const { base, draft, errors, message, dirty } = state;
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
