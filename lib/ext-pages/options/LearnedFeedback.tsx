import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../core/messaging';
import type { Res } from '../../core/messaging/envelope';
import type { toBackground } from '../../core/messaging/protocol';

type Summary = Res<typeof toBackground, 'feedbackSummary'>;

const TEXTS = {
  ru: {
    title: 'Чему Otklik научился',
    hint: 'Из ваших отметок «подходит» / «не для меня» на карточках вакансий. Сходство с отклонёнными только приглушает вакансию; скрывает лишь ваша собственная отметка.',
    counts: (r: number, n: number) => `Отметок: подходит — ${r}, не для меня — ${n}`,
    none: 'Пока ничего: отмечайте вакансии на карточках в поиске hh.ru.',
    kind: { title: 'слово в названии', employer: 'работодатель', role: 'проф. роль hh' },
    reset: 'Забыть всё выученное',
    error: 'Не удалось прочитать выученное',
  },
  en: {
    title: 'What Otklik learned',
    hint: 'From your "relevant" / "not for me" marks on listing cards. A likeness to turned-down vacancies only dims; only your own mark hides one.',
    counts: (r: number, n: number) => `Marks: relevant ${r}, not for me ${n}`,
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
