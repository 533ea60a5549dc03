import { getDb } from '../../worker/db';
import { countByState } from '../../worker/db/jobs';
import { uiLang } from '../../core/i18n/lang';
import { axisMax, dailyStats, outcomeTotals, type DayStats } from './daily';
import { useLiveQuery } from '../queue/live';
import { statsTexts } from './texts';

const DAYS = 14;

async function load(now: number) {
  const db = getDb();
  const since = new Date(
    new Date(now).getFullYear(),
    new Date(now).getMonth(),
    new Date(now).getDate() - DAYS,
  ).getTime();
  const events = await db.events.where('at').above(since).toArray();
  return { days: dailyStats(events, now, DAYS), totals: outcomeTotals(await countByState(db)) };
}

/** Applications per day (stacked with the other outcomes) as an inline SVG, and outcome totals. Live from Dexie. */
export function StatsView() {
  const lang = uiLang();
  const t = statsTexts[lang];
  const live = useLiveQuery(() => load(Date.now()), [], 60_000);
  const l = live.value;
  if (l.state !== 'ok')
    return <p class={l.state === 'error' ? 'otk-error' : 'otk-muted'}>{l.state === 'error' ? l.error : '…'}</p>;
  const { days, totals } = l.value;
  const sum = days.reduce((n, d) => n + d.applied, 0);
  return (
    <div class="op-stats" data-testid="stats">
      <div class="op-stats__totals">
        {(
          [
            ['applied', totals.applied],
            ['needsUser', totals.needsUser],
            ['failed', totals.failed],
            ['waiting', totals.waiting],
          ] as const
        ).map(([k, n]) => (
          <div key={k} data-outcome={k}>
            <b>{n}</b>
            <span>
              <i class={`op-stats__dot op-stats__dot--${k}`} />
              {t[k]}
            </span>
          </div>
        ))}
      </div>
      <p class="otk-muted" style="margin:0">
        {t.perDay} · {t.summary(sum)}
      </p>
      {days.every((d) => d.applied + d.needsUser + d.failed === 0) ? (
        <p class="otk-muted" style="margin:0">
          {t.empty}
        </p>
      ) : null}
      <Chart days={days} lang={lang} />
    </div>
  );
}

const W = 640;
const H = 180;
const PAD = { l: 28, r: 8, t: 8, b: 22 };

function Chart({ days, lang }: { days: DayStats[]; lang: 'ru' | 'en' }) {
  const t = statsTexts[lang];
  const max = axisMax(days);
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const slot = innerW / days.length;
  const bar = Math.min(28, slot * 0.64);
  const y = (v: number) => PAD.t + innerH - (v / max) * innerH;
  const fmt = (d: DayStats) =>
    new Date(d.start).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'short' });
  return (
    <svg class="op-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t.perDay} data-testid="stats-chart">
      {[0, max / 2, max].map((v) => (
        <g key={v}>
          <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} class="op-chart__grid" />
          <text x={PAD.l - 6} y={y(v) + 4} text-anchor="end" class="op-chart__tick">
            {v}
          </text>
        </g>
      ))}
      {days.map((d, i) => {
        const x = PAD.l + i * slot + (slot - bar) / 2;
        let top = d.applied + d.needsUser + d.failed;
        const segs = [
          ['failed', d.failed],
          ['needsUser', d.needsUser],
          ['applied', d.applied],
        ] as const;
        return (
          <g key={d.key} data-day={d.key} data-applied={d.applied}>
            <title>{t.dayLabel(fmt(d), d.applied, d.needsUser, d.failed)}</title>
            {segs.map(([k, n]) => {
              if (!n) return null;
              const rect = (
                <rect
                  key={k}
                  x={x}
                  width={bar}
                  y={y(top)}
                  height={Math.max(1, y(top - n) - y(top))}
                  class={`op-chart__bar--${k}`}
                  rx={2}
                />
              );
              top -= n;
              return rect;
            })}
            {(days.length - 1 - i) % 2 === 0 || days.length <= 7 ? (
              <text x={x + bar / 2} y={H - 6} text-anchor="middle" class="op-chart__tick">
                {fmt(d)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
