import { useMemo } from 'preact/hooks';
import { compileProfile, formatReason } from '../../lib/match';
import type { Profile } from '../../lib/match/profile';
import type { Lang } from '../../lib/i18n/lang';
import { SAMPLE_VACANCIES } from './samples';
import type { OptionsTexts } from './texts';

/** Cards listed per band; the rest are counted. */
const PER_BAND = 4;
type Band = 'show' | 'dim' | 'hide';

/**
 * Cards of the demo set scored live, by the same scorer the listing uses, with the profile being edited and the
 * thresholds on the sliders: three bands — shown, dimmed, hidden — with the cards nearest each threshold, so the
 * user sees what "hide below 30" does before it is saved. With "dim instead of hide" the hidden band is dimmed too.
 */
export function ThresholdPreview({ profile, hide, dim, action, t, lang }: { profile: Profile; hide: number; dim: number; action: 'hide' | 'dim'; t: OptionsTexts; lang: Lang }) {
  const scored = useMemo(() => {
    const m = compileProfile(profile);
    return SAMPLE_VACANCIES.map((v) => ({ v, r: m.score(v, { hide: hide / 100, dim: dim / 100 }) })).sort((a, b) => b.r.score - a.r.score);
  }, [profile, hide, dim]);
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
            <section key={band} class={`op-preview__band op-preview__band--${band}`} data-band={band} aria-label={t.band[band]}>
              <h4>
                {t.band[band]} <span class="op-preview__n">{list.length}</span>
                <small>{band === 'show' ? t.bandRange(dim, 100) : band === 'dim' ? t.bandRange(hide, dim - 1) : t.bandRange(0, hide - 1)}</small>
              </h4>
              {rows.length ? (
                <ul>
                  {rows.map(({ v, r }) => (
                    <li key={v.id} data-verdict={looks} title={r.reasons.slice(0, 3).map((x) => formatReason(x, lang)).join(' · ')}>
                      <span class="op-preview__score">{Math.round(r.score * 100)}</span>
                      <span class="op-preview__card">
                        <span class="op-preview__title">{v.title}</span>
                        <span class="op-preview__meta">
                          {[v.employer?.name, v.salary?.from ? `${t.salaryFrom} ${money(v.salary.from)} ₽` : v.salary?.to ? `${t.salaryTo} ${money(v.salary.to)} ₽` : null].filter(Boolean).join(' · ')}
                        </span>
                        {r.reasons.length ? <span class="op-preview__why">{r.reasons.slice(0, 2).map((x) => formatReason(x, lang)).join(' · ')}</span> : null}
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
