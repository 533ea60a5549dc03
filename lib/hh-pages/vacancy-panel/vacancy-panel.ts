import type { VacancyWarnings } from '../../core/hh/vacancy-warnings';
import type { Verdict } from '../../core/match/types';
import type { MatchVacancy } from '../../core/match/vacancy';
import type { Settings } from '../../core/settings/schema';
import { createBadge, renderBadge } from '../../listing/triage/badge';
import { WARNING_TEXT } from '../../core/match/reasons';
import { isNegativeFlag } from '../../core/hh/employer-warnings';
import type { QueueItem, QueuePort, QueueResult } from '../../listing/triage/controller';
import { PANEL_CSS, panelTexts } from './panel-texts';
import { isTrusted } from '../../listing/dom/trusted';
import { createShadowHost, shadowOf } from '../../listing/triage/shadow-host';
import { skillGap } from './skill-gap';
import { texts, type Lang } from '../../listing/triage/texts';
import { storedScore } from '../../core/match/percent';

export interface LetterRequest {
  vacancy: QueueItem['vacancy'];
  description?: string;
  keySkills?: string[];
}
export interface LetterStream {
  onDelta(text: string): void;
  onReset(reason: string): void;
  onProgress(text: string): void;
  signal: AbortSignal;
}

export interface VacancyPanelDeps {
  /** The page's vacancy (full text), or null when the page is not recognised. */
  read(): { vacancy: MatchVacancy; url: string; applied: boolean | null; warnings?: VacancyWarnings } | null;
  anchor(): Element | null;
  /**
   * The worker's verdict on the vacancy (the listing's scorer with the role model and what the user taught), or
   * null when there is no profile to judge against. Reasons in order, most important first.
   */
  score(vacancy: MatchVacancy, settings: Settings): Promise<PanelScore | null>;
  queue?: QueuePort;
  /** Queues with this (edited) letter. */
  enqueueWithLetter?(item: QueueItem, letter: string): Promise<QueueResult>;
  /** Adds the employer to the blacklist (background); listings re-score through the settings watch. */
  hideEmployer?(employer: { id?: string; name: string }, vacancyId: string): Promise<{ added: boolean }>;
  /**
   * hh's warnings about the employer and its refusal of automatic applications as the worker read them from hh's
   * search states (the vacancy page's state lacks them); null = not known.
   */
  knownSignals?(
    vacancyId: string,
    employerId: string | undefined,
  ): Promise<{ employer: string[] | null; acceptAutoResponse: boolean | null }>;
  /** Streams a cover letter (the letters feature's port client). */
  writeLetter?(
    req: LetterRequest,
    stream: LetterStream,
  ): Promise<{ letter: string; problems: string[]; asks: string[] }>;
  lang: Lang;
}

export interface PanelScore {
  score: number;
  verdict: Verdict;
  reasons: { text: string; minus: boolean }[];
}

const PANEL_ATTR = 'data-otk-vacancy-panel';
const NO_WARNINGS = (applied: boolean | null): VacancyWarnings => ({
  applied: applied === true,
  testRequired: false,
  letterRequired: false,
  rejectLikely: false,
  noAuto: false,
  employer: null,
});

/**
 * On a vacancy page: the full-text score chip (reasons, queue button) and below it a panel with the user's
 * skills the vacancy asks for and the key skills they lack, hh's own warnings, and actions — write a letter
 * now (streams into an editable box), queue with that letter, hide this employer. `stop()` removes both.
 */
export class VacancyPanel {
  private host: HTMLElement | null = null;
  private panel: HTMLElement | null = null;
  private job: string | null = null;
  private busy = false;
  private note: string | null = null;
  private page: ReturnType<VacancyPanelDeps['read']> = null;
  private writing: AbortController | null = null;
  private employerHidden = false;
  private letterQueued = false;
  /** The worker's verdict: undefined while it is asked, null with no profile. */
  private scored: PanelScore | null | undefined = undefined;
  private asked = 0;

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
    // The details go under the title: above it they would push hh's heading down the page.
    this.panel = this.buildPanel();
    anchor.parentNode.insertBefore(this.panel, anchor.nextSibling);
    this.render();
    this.askKnownSignals();
    this.rescore();
    const id = this.page.vacancy.id;
    this.deps.queue?.states([id]).then(
      (s) => {
        this.job = s[id] ?? null;
        this.render();
      },
      () => undefined,
    );
  }

  /** The page's state did not say: what the worker read about this vacancy and employer from hh's search pages. */
  private askKnownSignals(): void {
    const page = this.page;
    if (!page || !this.deps.knownSignals || (page.warnings?.employer && page.warnings.noAuto)) return;
    this.deps.knownSignals(page.vacancy.id, page.vacancy.employer?.id).then(
      (known) => {
        if (this.page !== page) return;
        const w = page.warnings ?? NO_WARNINGS(page.applied);
        const employer = w.employer ?? known.employer?.filter(isNegativeFlag) ?? null;
        page.warnings = { ...w, employer, noAuto: w.noAuto || known.acceptAutoResponse === false };
        // The scorer's "hide employers hh warns about" filter reads them too.
        if (employer && !page.vacancy.employerWarnings) page.vacancy = { ...page.vacancy, employerWarnings: employer };
        this.render();
      },
      () => undefined,
    );
  }

  update(settings: Settings): void {
    this.settings = settings;
    this.render();
    this.rescore();
  }

  /** Asks the worker again (start, settings changed); only the newest answer is drawn. */
  private rescore(): void {
    if (!this.page) return;
    const n = ++this.asked;
    this.deps.score(this.page.vacancy, this.settings).then(
      (r) => {
        if (n !== this.asked || !this.host) return;
        this.scored = r;
        this.render();
      },
      () => undefined,
    );
  }

  stop(): void {
    this.writing?.abort();
    this.host?.remove();
    this.panel?.remove();
    this.host = this.panel = null;
  }

  private result(): PanelScore | null {
    return this.scored ?? null;
  }

  private item(): QueueItem | null {
    if (!this.page) return null;
    const v = this.page.vacancy;
    return {
      vacancy: {
        id: v.id,
        title: v.title,
        employer: v.employer,
        url: this.page.url,
        score: storedScore(this.result()?.score ?? 0),
      },
    };
  }

  private async enqueue(letter?: string): Promise<void> {
    const item = this.item();
    if (!item || !this.deps.queue) return;
    this.busy = true;
    this.render();
    try {
      const res =
        letter !== undefined && this.deps.enqueueWithLetter
          ? await this.deps.enqueueWithLetter(item, letter)
          : (await this.deps.queue.enqueue([item]))[0];
      this.job = res?.state ?? this.job;
      if (letter !== undefined && res && res.state !== 'skipped') this.letterQueued = true;
      this.note = res?.reason && res.reason !== 'already_queued' ? res.reason : null;
    } catch (e) {
      this.note = e instanceof Error ? e.message.replace(/^[a-zA-Z]+: /, '') : String(e);
    } finally {
      this.busy = false;
      this.render();
    }
  }

  private el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
    const e = this.doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** The panel's fixed structure; `render` fills it (the letter box keeps what the user typed). */
  private buildPanel(): HTMLElement {
    const t = panelTexts[this.deps.lang];
    const { host, content } = createShadowHost(this.doc, 'div', PANEL_ATTR, PANEL_CSS, 'p');
    const warn = this.el('div', 'w');
    const employerWarn = this.el('div', 'e');
    employerWarn.setAttribute('data-otk-employer-warnings', '');
    employerWarn.setAttribute('role', 'note');
    const have = this.el('div', 'k');
    have.setAttribute('data-otk-have', '');
    const lack = this.el('div', 'k');
    lack.setAttribute('data-otk-lack', '');
    const actions = this.el('div', 'a');
    const box = this.el('textarea');
    box.hidden = true;
    box.placeholder = t.letterPlaceholder;
    box.setAttribute('data-otk-letter', '');
    box.addEventListener('input', () => this.render());
    const note = this.el('div', 'n');
    note.setAttribute('role', 'status');
    const button = (attr: string, cls: string, onClick: () => void) => {
      const b = this.el('button', cls);
      b.type = 'button';
      b.setAttribute(attr, '');
      b.addEventListener('click', (e) => {
        e.preventDefault();
        if (!b.disabled && isTrusted(e)) onClick(); // a page script cannot write, queue or hide for the user
      });
      actions.append(b);
      return b;
    };
    if (this.deps.writeLetter) button('data-otk-write', '', () => void this.write());
    if (this.deps.queue && this.deps.enqueueWithLetter)
      button('data-otk-queue-letter', '', () => void this.enqueue(box.value.trim()));
    if (this.deps.hideEmployer) button('data-otk-hide-employer', 's', () => void this.hideEmployer());
    content.append(employerWarn, warn, have, lack, actions, box, note);
    return host;
  }

  private part(sel: string): HTMLElement | null {
    return (this.panel && shadowOf(this.panel)?.querySelector<HTMLElement>(sel)) ?? null;
  }

  private setNote(text: string, error = false): void {
    const n = this.part('.n');
    if (!n) return;
    n.textContent = text;
    n.classList.toggle('e', error);
  }

  private async write(): Promise<void> {
    const t = panelTexts[this.deps.lang];
    if (this.writing) {
      this.writing.abort();
      return;
    }
    const item = this.item();
    const box = this.part('textarea') as HTMLTextAreaElement | null;
    if (!item || !box || !this.deps.writeLetter || !this.page) return;
    const ctrl = (this.writing = new AbortController());
    box.hidden = false;
    box.value = '';
    this.setNote(t.writing);
    this.render();
    const v = this.page.vacancy;
    // The HTML, not its text: the writer drops and reports CSS-hidden parts (marked by lib/core/hh/vacancy-page.ts).
    try {
      const r = await this.deps.writeLetter(
        {
          vacancy: item.vacancy,
          ...(v.description ? { description: v.description.trim().slice(0, 100_000) } : {}),
          ...(v.keySkills?.length ? { keySkills: v.keySkills.slice(0, 100) } : {}),
        },
        {
          onDelta: (d) => void (box.value += d),
          onReset: () => void (box.value = ''),
          onProgress: (p) => this.setNote(p),
          signal: ctrl.signal,
        },
      );
      box.value = r.letter;
      this.setNote(
        [r.problems.length ? t.problems(r.problems.join('; ')) : '', r.asks.length ? t.asks(r.asks.join('; ')) : '']
          .filter(Boolean)
          .join(' · '),
      );
    } catch (e) {
      this.setNote(
        ctrl.signal.aborted ? '' : t.failed(e instanceof Error ? e.message : String(e)),
        !ctrl.signal.aborted,
      );
    } finally {
      this.writing = null;
      this.render();
    }
  }

  private async hideEmployer(): Promise<void> {
    const vacancy = this.page?.vacancy;
    const employer = vacancy?.employer;
    if (!vacancy || !employer || !this.deps.hideEmployer) return;
    try {
      await this.deps.hideEmployer(
        employer.id ? { id: employer.id, name: employer.name } : { name: employer.name },
        vacancy.id,
      );
      this.employerHidden = true;
    } catch (e) {
      this.setNote(panelTexts[this.deps.lang].failed(e instanceof Error ? e.message : String(e)), true);
    }
    this.render();
  }

  private render(): void {
    if (!this.host || !this.page) return;
    const t = texts[this.deps.lang];
    const r = this.result();
    const reasons = [...(r?.reasons ?? [])];
    if (this.note) reasons.unshift({ text: t.queueFailed(this.note), minus: true });
    const canQueue = !this.busy && !this.page.applied && (!this.job || this.job === 'cancelled');
    const queue = !this.deps.queue
      ? undefined
      : this.busy
        ? { text: '…', state: null, enabled: false }
        : this.page.applied
          ? { text: t.queueState['hh_applied']!, state: 'applied', enabled: false }
          : !canQueue
            ? { text: t.queueState[this.job!] ?? this.job!, state: this.job, enabled: false }
            : { text: t.queue, state: null, enabled: true };
    renderBadge(this.host, {
      score: r?.score ?? 0,
      verdict: r?.verdict ?? 'show',
      label: t.score,
      reasons: r ? reasons.slice(0, 4) : [{ text: this.scored === undefined ? '…' : t.setupProfile, minus: false }],
      ...(queue ? { queue } : {}),
    });
    this.renderPanel(canQueue);
  }

  private renderPanel(canQueue: boolean): void {
    if (!this.panel || !this.page) return;
    const p = panelTexts[this.deps.lang];
    const w = this.page.warnings ?? NO_WARNINGS(this.page.applied);
    const warn = this.part('.w')!;
    warn.replaceChildren(
      ...(Object.keys(p.warn) as (keyof typeof p.warn)[])
        .filter((k) => w[k])
        .map((k) => {
          const s = this.el('span', undefined, p.warn[k]);
          s.setAttribute('data-warn', k);
          return s;
        }),
    );
    // hh's warnings about the employer, in plain words, above everything else in the panel.
    const ew = this.part('[data-otk-employer-warnings]')!;
    const flags = w.employer ?? [];
    if (!flags.length) ew.replaceChildren();
    else {
      const ul = this.el('ul');
      for (const f of flags) {
        const li = this.el('li', undefined, WARNING_TEXT[f]?.[this.deps.lang === 'en' ? 0 : 1] ?? f);
        li.setAttribute('data-flag', f);
        ul.append(li);
      }
      ew.replaceChildren(this.el('b', undefined, `⚠ ${p.employerWarn}:`), ul);
    }
    const gap = skillGap(this.settings.profile, this.page.vacancy);
    const list = (el: HTMLElement, label: string, items: string[], cls: string, empty: string) => {
      const b = this.el('b', undefined, `${label}: `);
      const s = this.el('span', items.length ? cls : undefined, items.length ? items.join(', ') : empty);
      el.replaceChildren(b, s);
    };
    list(this.part('[data-otk-have]')!, p.have, gap.matched, 'h', '—');
    const hasKeySkills = (this.page.vacancy.keySkills?.length ?? 0) > 0;
    list(this.part('[data-otk-lack]')!, p.lack, gap.missing, 'm', hasKeySkills ? '—' : p.noSkills);
    const box = this.part('textarea') as HTMLTextAreaElement | null;
    const write = this.part('[data-otk-write]') as HTMLButtonElement | null;
    if (write) write.textContent = this.writing ? p.stop : p.write;
    const ql = this.part('[data-otk-queue-letter]') as HTMLButtonElement | null;
    if (ql) {
      ql.textContent = this.letterQueued ? p.queuedLetter : p.queueLetter;
      ql.disabled = !canQueue || !!this.writing || !box || box.hidden || !box.value.trim();
    }
    const hide = this.part('[data-otk-hide-employer]') as HTMLButtonElement | null;
    if (hide) {
      hide.textContent = this.employerHidden ? p.hidden : p.hide;
      hide.disabled = this.employerHidden || !this.page.vacancy.employer;
    }
  }
}
