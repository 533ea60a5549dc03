import type { Lang } from '../../core/i18n/lang';

/** "HH:MM" every 15 minutes of a day, and the stored value if it is off that grid. */
function times(value: string): string[] {
  const out: string[] = [];
  for (let m = 0; m < 24 * 60; m += 15)
    out.push(`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  if (/^\d\d:\d\d$/.test(value) && !out.includes(value)) {
    out.push(value);
    out.sort();
  }
  return out;
}

/** A time as the UI language writes it: 23:00 in Russian, 11:00 PM in English. */
export function formatClock(hhmm: string, lang: Lang): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return new Date(2000, 0, 1, h, m).toLocaleTimeString(lang === 'ru' ? 'ru-RU' : 'en-US', {
    hour: lang === 'ru' ? '2-digit' : 'numeric',
    minute: '2-digit',
  });
}

/**
 * A time of day picked from a list written in the UI language. `<input type=time>` follows the browser's own
 * locale, not the page's, and showed "11:00 PM" in the Russian UI.
 */
export function TimeSelect({
  name,
  value,
  lang,
  disabled,
  invalid,
  onChange,
  label,
}: {
  name: string;
  value: string;
  lang: Lang;
  disabled?: boolean;
  invalid?: boolean;
  onChange: (v: string) => void;
  label: string;
}) {
  return (
    <select
      name={name}
      value={value}
      disabled={disabled}
      aria-invalid={invalid}
      aria-label={label}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {times(value).map((x) => (
        <option key={x} value={x}>
          {formatClock(x, lang)}
        </option>
      ))}
    </select>
  );
}
