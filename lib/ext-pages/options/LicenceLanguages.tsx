import { HH_CATALOGUE, LANGUAGE_IDS, languageName } from '../../core/hh/catalogue';
import type { DRIVER_LICENCES, Language } from '../../core/match/profile';
import type { Lang } from '../../core/i18n/lang';
import type { OptionsTexts } from './texts';

type Licence = (typeof DRIVER_LICENCES)[number];

/** hh's driving licence categories (its dictionary's order), each a checkbox with what it lets you drive. */
export function LicencePicker({
  value,
  onChange,
  t,
}: {
  value: readonly Licence[];
  onChange: (v: Licence[]) => void;
  t: OptionsTexts;
}) {
  const all = HH_CATALOGUE.licences as Licence[];
  return (
    <fieldset class="op__field op__field--wide op__fieldset" data-testid="licence-picker">
      <legend>{t.licences}</legend>
      <div class="op-licences">
        {all.map((id) => (
          <label key={id} class="op-licence" title={t.licenceNames[id]}>
            <input
              type="checkbox"
              name={`licence-${id}`}
              checked={value.includes(id)}
              // Kept in hh's order whatever the click order.
              onChange={(e) => onChange(all.filter((x) => (x === id ? e.currentTarget.checked : value.includes(x))))}
            />
            <b>{id}</b>
            <span>{t.licenceNames[id]}</span>
          </label>
        ))}
      </div>
      <small>{t.licencesHint}</small>
    </fieldset>
  );
}

/** Languages with hh's levels: one row per language (level select, remove), and a select to add one. */
export function LanguagePicker({
  value,
  onChange,
  t,
  lang,
  error,
}: {
  value: readonly Language[];
  onChange: (v: Language[]) => void;
  t: OptionsTexts;
  lang: Lang;
  error?: string | undefined;
}) {
  const levels = HH_CATALOGUE.levels.map((l) => l.id as Language['level']);
  const name = (code: string) => {
    const n = languageName(code, lang);
    return n.charAt(0).toLocaleUpperCase(lang) + n.slice(1);
  };
  const free = LANGUAGE_IDS.filter((id) => !value.some((l) => l.code === id))
    .map((id) => ({ id, name: name(id) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <fieldset class="op__field op__field--wide op__fieldset" data-testid="language-picker">
      <legend>{t.languages}</legend>
      {value.length ? (
        <ul class="op-langs">
          {value.map((l) => (
            <li key={l.code} data-lang={l.code}>
              <span class="op-langs__name">{name(l.code)}</span>
              <select
                name={`level-${l.code}`}
                aria-label={t.languageLevel(name(l.code))}
                value={l.level}
                onChange={(e) =>
                  onChange(
                    value.map((x) =>
                      x.code === l.code ? { code: x.code, level: e.currentTarget.value as Language['level'] } : x,
                    ),
                  )
                }
              >
                {levels.map((id) => (
                  <option key={id} value={id}>
                    {t.levelNames[id]}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="op-chip__x"
                aria-label={t.languageRemove(name(l.code))}
                title={t.languageRemove(name(l.code))}
                onClick={() => onChange(value.filter((x) => x.code !== l.code))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <select
        name="languageAdd"
        aria-label={t.languageAdd}
        value=""
        onChange={(e) => {
          const code = e.currentTarget.value;
          e.currentTarget.value = '';
          if (code) onChange([...value, { code, level: code === 'rus' ? 'l1' : 'b1' }]);
        }}
      >
        <option value="">{t.languageAdd}…</option>
        {free.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </select>
      {error ? (
        <small class="otk-error" role="alert">
          {error}
        </small>
      ) : (
        <small>{t.languagesHint}</small>
      )}
    </fieldset>
  );
}
