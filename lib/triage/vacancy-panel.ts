import type { MatchResult } from '../match';
import type { MatchVacancy } from '../match/vacancy';
import type { Settings } from '../settings/schema';
import { createBadge, orderReasons, renderBadge } from './badge';
import type { QueuePort } from './controller';
import { texts, type Lang } from './texts';

export interface VacancyPanelDeps {
  /** The page's vacancy (full text), or null when the page is not recognised. */
  read(): { vacancy: MatchVacancy; url: string; applied: boolean | null } | null;
  anchor(): Element | null;
  makeScorer(settings: Settings): ((v: MatchVacancy) => MatchResult) | null;
  formatReason(r: MatchResult['reasons'][number], lang: Lang): string;
  queue?: QueuePort;
  lang: Lang;
}

/**
 * On a vacancy page: the full-text score with its reasons and a queue button, in the same shadow-rooted chip
 * as the listing badges, placed before the title. `stop()` removes it.
 */
export class VacancyPanel {
  private host: HTMLElement | null = null;
  private job: string | null = null;
  private busy = false;
  private note: string | null = null;
  private page: ReturnType<VacancyPanelDeps['read']> = null;

  constructor(
    private doc: Document,
    private deps: VacancyPanelDeps,
    private settings: Settings,
  ) {}

  start(): void {
    this.page = this.deps.read();
    if (!this.page) return;
    const anchor = this.deps.anchor();
    if (!anchor?.parentNode) return;
    this.host = createBadge(this.doc, this.deps.queue ? () => void this.enqueue() : undefined);
    anchor.parentNode.insertBefore(this.host, anchor);
    this.render();
    const id = this.page.vacancy.id;
    this.deps.queue?.states([id]).then(
      (s) => {
        this.job = s[id] ?? null;
        this.render();
      },
      () => undefined,
    );
  }

  update(settings: Settings): void {
    this.settings = settings;
    this.render();
  }

  stop(): void {
    this.host?.remove();
    this.host = null;
  }

  private result(): MatchResult | null {
    const scorer = this.deps.makeScorer(this.settings);
    return scorer && this.page ? scorer(this.page.vacancy) : null;
  }

  private async enqueue(): Promise<void> {
    const r = this.result();
    if (!this.page || !this.deps.queue) return;
    const v = this.page.vacancy;
    this.busy = true;
    this.render();
    try {
      const [res] = await this.deps.queue.enqueue([
        { vacancy: { id: v.id, title: v.title, employer: v.employer, url: this.page.url, score: Math.round((r?.score ?? 0) * 1000) / 1000 } },
      ]);
      this.job = res?.state ?? this.job;
      this.note = res?.reason && res.reason !== 'already_queued' ? res.reason : null;
    } catch (e) {
      this.note = e instanceof Error ? e.message.replace(/^[a-zA-Z]+: /, '') : String(e);
    } finally {
      this.busy = false;
      this.render();
    }
  }

  private render(): void {
    if (!this.host || !this.page) return;
    const t = texts[this.deps.lang];
    const r = this.result();
    const reasons = orderReasons(r?.reasons ?? [], r?.verdict ?? 'show').map((x) => ({ text: this.deps.formatReason(x, this.deps.lang), minus: x.polarity === 'minus' }));
    if (this.note) reasons.unshift({ text: t.queueFailed(this.note), minus: true });
    const queue = !this.deps.queue
      ? undefined
      : this.busy
        ? { text: '…', state: null, enabled: false }
        : this.page.applied
          ? { text: t.queueState['hh_applied']!, state: 'applied', enabled: false }
          : this.job && this.job !== 'cancelled'
            ? { text: t.queueState[this.job] ?? this.job, state: this.job, enabled: false }
            : { text: t.queue, state: null, enabled: true };
    renderBadge(this.host, {
      score: r?.score ?? 0,
      verdict: r?.verdict ?? 'show',
      label: t.score,
      reasons: r ? reasons.slice(0, 4) : [{ text: t.setupProfile, minus: false }],
      ...(queue ? { queue } : {}),
    });
  }
}
