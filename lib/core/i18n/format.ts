import type { Lang } from './lang';

/** Dates, times and durations in the UI language (the browser's zone). Pure apart from Intl. */

const locale = (lang: Lang) => (lang === 'ru' ? 'ru-RU' : 'en-GB');

export const clock = (ms: number, lang: Lang): string =>
  new Date(ms).toLocaleTimeString(locale(lang), { hour: '2-digit', minute: '2-digit' });

/** "14:05" today, "завтра 09:00" / "tomorrow 09:00", else "12 нояб. 09:00". */
export function when(ms: number, now: number, lang: Lang): string {
  const day = (t: number) => new Date(t).toDateString();
  if (day(ms) === day(now)) return clock(ms, lang);
  if (day(ms) === day(now + 86_400_000)) return `${lang === 'ru' ? 'завтра' : 'tomorrow'} ${clock(ms, lang)}`;
  return new Date(ms).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A moment with its preposition: "в 14:05" / "завтра в 09:00" / "12 нояб. в 09:00" (en: "at 14:05", "tomorrow at 09:00"). */
export function atTime(ms: number, now: number, lang: Lang): string {
  const day = (t: number) => new Date(t).toDateString();
  const at = lang === 'ru' ? 'в' : 'at';
  const time = `${at} ${clock(ms, lang)}`;
  if (day(ms) === day(now)) return time;
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (day(ms) === tomorrow.toDateString()) return `${lang === 'ru' ? 'завтра' : 'tomorrow'} ${time}`;
  return `${new Date(ms).toLocaleDateString(locale(lang), { day: 'numeric', month: 'short' })} ${time}`;
}

/** A short wait: "45 с" / "3 мин" / "2 ч 10 мин" (ru), "45 s" / "3 min" / "2 h 10 min" (en). */
export function duration(ms: number, lang: Lang): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const [sec, min, hr] = lang === 'ru' ? ['с', 'мин', 'ч'] : ['s', 'min', 'h'];
  if (s < 60) return `${s} ${sec}`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} ${min}`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} ${hr} ${m % 60} ${min}` : `${h} ${hr}`;
}
