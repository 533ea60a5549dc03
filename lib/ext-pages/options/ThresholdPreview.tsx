import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { compileProfile, formatReason } from '../../core/match';
import { orderReasons } from '../../core/match/reasons';
import type { Profile } from '../../core/match/profile';
import type { MatchVacancy } from '../../core/match/vacancy';
import type { Lang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import { SAMPLE_VACANCIES } from './samples';
import type { OptionsTexts } from './texts';
import { scorePercent } from '../../core/match/percent';

/** One card's verdict: reasons as the worker writes them ("+text" / "-text", most important first). */
export interface PreviewScore {
  score: number;
  verdict: Band;
  reasons: string[];
}
export type PreviewScorer = (
  profile: Profile,
  hide: number,
  dim: number,
  vacancies: readonly MatchVacancy[],
  lang: Lang,
) => Promise<PreviewScore[]>;

/** The worker's scorer (role model, what the user taught): the preview shows what the listing will. */
export const workerPreview: PreviewScorer = async (profile, hide, dim, vacancies, lang) =>
  (
    await sendToBackground('scorePreview', { profile, hideBelow: hide, dimBelow: dim, vacancies: [...vacancies], lang })
  ).results.map((r) => ({ score: r.score, verdict: r.verdict, reasons: r.reasons }));

/** Without the worker (it failed to answer): the scorer alone, without the role model and feedback. */
export const localPreview: PreviewScorer = async (profile, hide, dim, vacancies, lang) => {
  const m = compileProfile(profile);
  return vacancies.map((v) => {
    const r = m.score(v, { hide, dim });
    return {
      score: r.score,
      verdict: r.verdict,
      reasons: orderReasons(r.reasons, r.verdict).map(
        (x) => (x.polarity === 'minus' ? '-' : '+') + formatReason(x, lang),
      ),
    };
  });
};

/** Asks again this long after the last change (typing, a slider drag). */
const DEBOUNCE_MS = 120;

/** Cards listed per band; the rest are counted. */
const PER_BAND = 4;
type Band = 'show' | 'dim' | 'hide';

/**
 * Cards of the demo set scored live, by the same scorer the listing uses, with the profile being edited and the
 * thresholds on the sliders: three bands — shown, dimmed, hidden — with the cards nearest each threshold, so the
 * user sees what "hide below 30" does before it is saved. With "dim instead of hide" the hidden band is dimmed too.
 */
export function ThresholdPreview({
  profile,
  hide,
  dim,
  action,
  t,
  lang,
  score = workerPreview,
}: {
  profile: Profile;
  hide: number;
  dim: number;
  action: 'hide' | 'dim';
  t: OptionsTexts;
  lang: Lang;
  score?: PreviewScorer;
}) {
  const results = useMemo(() => signal<PreviewScore[] | null>(null), []);
  const key = JSON.stringify([profile, hide, dim, lang]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const args = [profile, hide / 100, dim / 100, SAMPLE_VACANCIES, lang] as const;
      score(...args)
        .catch(() => localPreview(...args))
        .then(
          (r) => void (live && (results.value = r)),
          () => undefined,
        );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  // Until the first answer nothing is drawn in the bands; later answers replace the previous ones in place.
  const scored = (results.value ?? [])
    .map((r, i) => ({ v: SAMPLE_VACANCIES[i]!, r }))
    .sort((a, b) => b.r.score - a.r.score);
  const bands: Record<Band, typeof scored> = { show: [], dim: [], hide: [] };
  for (const x of scored) bands[x.r.verdict].push(x);
  const money = (n: number) => n.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB');
  return (
    <div class="op-preview" data-testid="threshold-preview">
      <div class="op-preview__head">
        <b>{t.preview}</b>
        <span class="otk-help">{t.previewHint(SAMPLE_VACANCIES.length)}</span>
      </div>
      <div class="op-preview__scale" aria-hidden="true">
        <span class="op-preview__seg op-preview__seg--hide" style={{ width: `${hide}%` }} />
        <span class="op-preview__seg op-preview__seg--dim" style={{ width: `${Math.max(0, dim - hide)}%` }} />
        <span class="op-preview__seg op-preview__seg--show" style={{ width: `${100 - Math.max(dim, hide)}%` }} />
      </div>
      <div class="op-preview__bands">
        {(['show', 'dim', 'hide'] as const).map((band) => {
          const list = bands[band];
          const looks: Band = band === 'hide' && action === 'dim' ? 'dim' : band;
          // Shown: the best; dimmed and hidden: the ones nearest the threshold above them (the borderline calls).
          const rows = list.slice(0, PER_BAND);
          return (
            <section
              key={band}
              class={`op-preview__band op-preview__band--${band}`}
              data-band={band}
              aria-label={t.band[band]}
            >
              <h4>
                {t.band[band]} <span class="op-preview__n">{list.length}</span>
                <small>
                  {band === 'show'
                    ? t.bandRange(dim, 100)
                    : band === 'dim'
                      ? t.bandRange(hide, dim - 1)
                      : t.bandRange(0, hide - 1)}
                </small>
              </h4>
              {rows.length ? (
                <ul>
                  {rows.map(({ v, r }) => (
                    <li
                      key={v.id}
                      data-verdict={looks}
                      title={r.reasons
                        .slice(0, 3)
                        .map((x) => x.slice(1))
                        .join(' · ')}
                    >
                      <span class="op-preview__score">{scorePercent(r.score)}</span>
                      <span class="op-preview__card">
                        <span class="op-preview__title">{v.title}</span>
                        <span class="op-preview__meta">
                          {[
                            v.employer?.name,
                            v.salary?.from
                              ? `${t.salaryFrom} ${money(v.salary.from)} ₽`
                              : v.salary?.to
                                ? `${t.salaryTo} ${money(v.salary.to)} ₽`
                                : null,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                        {r.reasons.length ? (
                          <span class="op-preview__why">
                            {r.reasons
                              .slice(0, 2)
                              .map((x) => x.slice(1))
                              .join(' · ')}
                          </span>
                        ) : null}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="otk-help">{t.bandEmpty}</p>
              )}
              {list.length > rows.length ? <p class="otk-help">{t.bandMore(list.length - rows.length)}</p> : null}
            </section>
          );
        })}
      </div>
    </div>
  );
}
