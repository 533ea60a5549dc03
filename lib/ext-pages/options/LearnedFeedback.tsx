import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../core/messaging';
import type { Res } from '../../core/messaging/envelope';
import type { toBackground } from '../../core/messaging/protocol';

type Summary = Res<typeof toBackground, 'feedbackSummary'>;
/** The signals in the order shown (explicit first). */
const SOURCES = ['badge', 'queued', 'applied', 'employer_hidden'] as const;

const TEXTS = {
  ru: {
    title: 'Чему Otklik научился',
    hint: 'Из ваших отметок «подходит» / «не для меня» на карточках вакансий, а также из поставленных в очередь вакансий, откликов и скрытых работодателей. Сходство с отклонёнными приглушает вакансию, а скрывает только сильное сходство и не раньше 10 отметок. Открытая вакансия ничему не учит.',
    counts: (r: number, n: number) => `Отметок: подходит — ${r}, не для меня — ${n}`,
    from: 'Откуда',
    source: {
      badge: 'ваши отметки',
      queued: 'в очередь с карточки',
      applied: 'отклики (слабый сигнал)',
      employer_hidden: 'скрытые работодатели',
    },
    none: 'Пока ничего: отмечайте вакансии на карточках в поиске hh.ru.',
    kind: { title: 'слово в названии', employer: 'работодатель', role: 'проф. роль hh' },
    reset: 'Забыть всё выученное',
    error: 'Не удалось прочитать выученное',
  },
  en: {
    title: 'What Otklik learned',
    hint: 'From your "relevant" / "not for me" marks on listing cards, and from vacancies you queued, applied to or whose employer you hid. A likeness to turned-down vacancies dims; only a strong one, learned from 10 marks or more, hides. Opening a vacancy teaches nothing.',
    counts: (r: number, n: number) => `Marks: relevant ${r}, not for me ${n}`,
    from: 'From',
    source: {
      badge: 'your marks',
      queued: 'queued from a card',
      applied: 'applications (a weak signal)',
      employer_hidden: 'hidden employers',
    },
    none: 'Nothing yet: mark vacancies on the cards of an hh.ru search.',
    kind: { title: 'title word', employer: 'employer', role: 'hh role' },
    reset: 'Forget everything learned',
    error: 'Could not read what was learned',
  },
} as const;

/** The options page's view of the worker's feedback model (lib/worker/feedback): its strongest adjustments, and a reset. */
export function LearnedFeedback({ lang }: { lang: 'ru' | 'en' }) {
  const t = TEXTS[lang];
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState(false);
  const load = () =>
    sendToBackground('feedbackSummary', {}).then(
      (s) => (setSummary(s), setError(false)),
      () => setError(true),
    );
  useEffect(() => void load(), []);
  const sources = summary
    ? SOURCES.flatMap((k) => ((summary.bySource[k] ?? 0) > 0 ? [[k, summary.bySource[k]!] as const] : []))
    : [];
  return (
    <div class="op-learned" data-testid="learned-feedback">
      <b>{t.title}</b>
      <small class="otk-help">{t.hint}</small>
      {error ? (
        <small class="otk-error" role="alert">
          {t.error}
        </small>
      ) : null}
      {summary ? (
        <>
          <div data-testid="learned-counts">
            {summary.relevant + summary.notForMe ? t.counts(summary.relevant, summary.notForMe) : t.none}
          </div>
          {sources.length ? (
            <small data-testid="learned-sources">
              {t.from}: {sources.map(([k, n]) => `${t.source[k]} — ${n}`).join(', ')}
            </small>
          ) : null}
          {summary.adjustments.length ? (
            <ul data-testid="learned-list">
              {summary.adjustments.map((a) => (
                <li key={`${a.kind}:${a.value}`}>
                  <span class={a.weight < 0 ? 'otk-error' : ''}>
                    {a.weight > 0 ? '+' : '−'}
                    {Math.abs(a.weight).toFixed(2)}
                  </span>{' '}
                  {t.kind[a.kind]}: <b>{a.value}</b>
                </li>
              ))}
            </ul>
          ) : null}
          <button
            type="button"
            class="otk-btn otk-btn--sm"
            disabled={!(summary.relevant + summary.notForMe)}
            onClick={() => void sendToBackground('resetFeedback', {}).then(load, () => setError(true))}
          >
            {t.reset}
          </button>
        </>
      ) : null}
    </div>
  );
}
