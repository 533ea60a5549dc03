import { trustedClick } from '../../../test/trusted-click';
import { shadowOf } from '../../listing/triage/shadow-host';
import { afterEach, describe, expect, it } from 'vitest';
import type { MatchVacancy } from '../../core/match/vacancy';
import { defaultSettings } from '../../core/settings/schema';
import type { QueueItem, QueuePort } from '../../listing/triage/controller';
import { VacancyPanel, type VacancyPanelDeps } from './vacancy-panel';

const vacancy: MatchVacancy = {
  id: '42',
  title: 'Python-разработчик',
  employer: { name: 'ACME' },
  salary: null,
  experience: 'noExperience',
  workFormats: [],
  description: 'Django, SQL',
};
const inRoot = (host: Element | null) => (host ? shadowOf(host) : null);
const chip = () => inRoot(document.querySelector('[data-otk-badge]'))?.querySelector('.b') ?? null;
const settle = () => new Promise((r) => setTimeout(r, 0));

function deps(over: Partial<VacancyPanelDeps> = {}): VacancyPanelDeps {
  return {
    read: () => ({ vacancy, url: 'https://hh.ru/vacancy/42', applied: false }),
    anchor: () => document.querySelector('h1'),
    score: async () => ({ score: 0.82, verdict: 'show', reasons: [{ text: 'title matches', minus: false }] }),
    lang: 'en',
    ...over,
  };
}

describe('VacancyPanel', () => {
  let panel: VacancyPanel | null = null;
  afterEach(() => panel?.stop());

  it('shows the full-text score before the title and queues the vacancy', async () => {
    document.body.innerHTML = '<main><h1 data-qa="vacancy-title">Python-разработчик</h1></main>';
    const sent: QueueItem[][] = [];
    const queue: QueuePort = {
      enqueue: async (i) => (sent.push(i), i.map((x) => ({ vacancyId: x.vacancy.id, state: 'pending' }))),
      states: async () => ({}),
    };
    panel = new VacancyPanel(document, deps({ queue }), defaultSettings());
    panel.start();
    expect(document.querySelector('[data-otk-badge]')!.nextElementSibling!.tagName).toBe('H1');
    await settle();
    expect(chip()!.textContent).toContain('82');
    expect(chip()!.textContent).toContain('title matches');
    trustedClick(chip()!.querySelector<HTMLButtonElement>('[data-otk-queue]')!);
    await settle();
    expect(sent[0]![0]!.vacancy).toEqual({
      id: '42',
      title: 'Python-разработчик',
      employer: { name: 'ACME' },
      url: 'https://hh.ru/vacancy/42',
      score: 0.82,
    });
    expect(chip()!.querySelector('[data-otk-queue]')!.textContent).toBe('queued');
    panel.stop();
    expect(document.querySelector('[data-otk-badge]')).toBeNull();
  });

  it('does nothing on a page it cannot read, and says when hh shows an application', () => {
    document.body.innerHTML = '<main><h1>Something</h1></main>';
    panel = new VacancyPanel(document, deps({ read: () => null }), defaultSettings());
    panel.start();
    expect(document.querySelector('[data-otk-badge]')).toBeNull();
    panel = new VacancyPanel(
      document,
      deps({
        read: () => ({ vacancy, url: 'u', applied: true }),
        queue: { enqueue: async () => [], states: async () => ({}) },
      }),
      defaultSettings(),
    );
    panel.start();
    expect(chip()!.querySelector<HTMLButtonElement>('[data-otk-queue]')!.disabled).toBe(true);
    expect(chip()!.textContent).toContain('you applied');
  });
});

describe('VacancyPanel scoring', () => {
  let panel: VacancyPanel | null = null;
  afterEach(() => panel?.stop());

  it('shows the worker’s score (waiting: “…”), asks again when the settings change, and draws only the newest answer', async () => {
    document.body.innerHTML = '<main><h1>Python-разработчик</h1></main>';
    const answers: Array<
      (
        r: { score: number; verdict: 'show' | 'dim' | 'hide'; reasons: { text: string; minus: boolean }[] } | null,
      ) => void
    > = [];
    const asked: number[] = [];
    panel = new VacancyPanel(
      document,
      deps({ score: (_v, s) => (asked.push(s.triage.hideBelow ?? -1), new Promise((r) => answers.push(r))) }),
      defaultSettings(),
    );
    panel.start();
    expect(chip()!.textContent).toContain('…');
    const s2 = defaultSettings();
    s2.triage.hideBelow = 0.2;
    panel.update(s2);
    expect(asked).toEqual([-1, 0.2]);
    answers[1]!({
      score: 0.05,
      verdict: 'hide',
      reasons: [{ text: 'you marked it not for me (salary)', minus: true }],
    });
    await settle();
    answers[0]!({ score: 0.9, verdict: 'show', reasons: [] });
    await settle();
    expect(chip()!.className).toContain('hide');
    expect(chip()!.querySelector('.m')!.textContent).toBe('you marked it not for me (salary)');
  });

  it('no profile: offers to set it up', async () => {
    document.body.innerHTML = '<main><h1>Python-разработчик</h1></main>';
    panel = new VacancyPanel(document, deps({ score: async () => null }), defaultSettings());
    panel.start();
    await settle();
    expect(chip()!.textContent).toContain('set up your profile');
  });
});

describe('VacancyPanel details (issue 7)', () => {
  let panel: VacancyPanel | null = null;
  afterEach(() => panel?.stop());
  const part = (sel: string) =>
    inRoot(document.querySelector('[data-otk-vacancy-panel]'))?.querySelector<HTMLElement>(sel) ?? null;
  const full: MatchVacancy = {
    ...vacancy,
    keySkills: ['JavaScript', 'PostgreSQL', 'Kubernetes'],
    description: '<p>React, Docker</p>',
  };
  const settings = () => {
    const s = defaultSettings();
    s.profile.skills = ['JS', 'React', 'Go'];
    return s;
  };

  it("shows the user's skills the vacancy asks for, the key skills they lack, and hh's warnings; re-renders on a profile change", () => {
    document.body.innerHTML = '<main><h1 data-qa="vacancy-title">T</h1></main>';
    const warnings = {
      applied: false,
      testRequired: true,
      letterRequired: true,
      rejectLikely: true,
      noAuto: false,
      employer: null,
    };
    panel = new VacancyPanel(
      document,
      deps({ read: () => ({ vacancy: full, url: 'u', applied: false, warnings }) }),
      settings(),
    );
    panel.start();
    expect(document.querySelector('h1')!.nextElementSibling!.hasAttribute('data-otk-vacancy-panel')).toBe(true);
    expect(part('[data-otk-have]')!.textContent).toBe('Your skills it asks for: JS, React');
    expect(part('[data-otk-lack]')!.textContent).toBe('Missing: PostgreSQL, Kubernetes');
    expect([...part('.w')!.querySelectorAll('span')].map((x) => x.getAttribute('data-warn'))).toEqual([
      'testRequired',
      'letterRequired',
      'rejectLikely',
    ]);
    const s = settings();
    s.profile.resumeText = 'Администрировал PostgreSQL';
    panel.update(s);
    expect(part('[data-otk-lack]')!.textContent).toBe('Missing: Kubernetes');
  });

  it("warns about the employer in plain words (the page's state, else what the worker read on hh's search) and says the employer refuses automatic applications", async () => {
    document.body.innerHTML = '<main><h1 data-qa="vacancy-title">T</h1></main>';
    const fromPage = {
      applied: false,
      testRequired: false,
      letterRequired: false,
      rejectLikely: false,
      noAuto: true,
      employer: ['hasBreaches' as const, 'pdResale' as const],
    };
    panel = new VacancyPanel(
      document,
      deps({
        read: () => ({ vacancy: full, url: 'u', applied: false, warnings: fromPage }),
        knownSignals: async () => {
          throw new Error('not asked when the page says');
        },
      }),
      settings(),
    );
    panel.start();
    const ew = part('[data-otk-employer-warnings]')!;
    expect(ew.textContent).toBe(
      "⚠ hh.ru warns about this employer:violations of the law foundresells applicants' personal data",
    );
    expect([...ew.querySelectorAll('li')].map((li) => li.getAttribute('data-flag'))).toEqual([
      'hasBreaches',
      'pdResale',
    ]);
    expect([...part('.w')!.querySelectorAll('span')].map((x) => x.getAttribute('data-warn'))).toEqual(['noAuto']);
    expect(part('[data-warn="noAuto"]')!.textContent).toMatch(/only after you confirm it in Otklik/);
    panel.stop();

    // The page's state is silent: the worker's memory of hh's search pages, by hh's employer id; ru wording.
    const asked: string[] = [];
    const silent = { ...fromPage, noAuto: false, employer: null };
    panel = new VacancyPanel(
      document,
      deps({
        lang: 'ru',
        read: () => ({
          vacancy: { ...full, employer: { id: '77', name: 'ACME' } },
          url: 'u',
          applied: false,
          warnings: silent,
        }),
        knownSignals: async (vid, id) => (
          asked.push(`${vid}/${id}`),
          { employer: ['hasFrequentComplaints', 'bogus'], acceptAutoResponse: false }
        ),
      }),
      settings(),
    );
    panel.start();
    expect(part('[data-otk-employer-warnings]')!.textContent).toBe('');
    await settle();
    expect(asked).toEqual(['42/77']);
    expect(part('[data-otk-employer-warnings]')!.textContent).toBe(
      '⚠ hh.ru предупреждает о работодателе:частые жалобы соискателей',
    );
    expect([...part('.w')!.querySelectorAll('span')].map((x) => x.getAttribute('data-warn'))).toEqual(['noAuto']);
    panel.stop();
    // Nobody knows: no warning block at all.
    panel = new VacancyPanel(
      document,
      deps({
        read: () => ({
          vacancy: { ...full, employer: { id: '78', name: 'B' } },
          url: 'u',
          applied: false,
          warnings: silent,
        }),
        knownSignals: async () => ({ employer: null, acceptAutoResponse: null }),
      }),
      settings(),
    );
    panel.start();
    await settle();
    expect(part('[data-otk-employer-warnings]')!.childElementCount).toBe(0);
  });

  it('writes a letter into an editable box as it streams, then queues the vacancy with the edited letter', async () => {
    document.body.innerHTML = '<main><h1 data-qa="vacancy-title">T</h1></main>';
    let release!: () => void;
    const requests: unknown[] = [];
    const sent: { letter: string }[] = [];
    const queue: QueuePort = { enqueue: async () => [], states: async () => ({}) };
    panel = new VacancyPanel(
      document,
      deps({
        read: () => ({ vacancy: full, url: 'https://hh.ru/vacancy/42', applied: false }),
        queue,
        writeLetter: async (req, st) => {
          requests.push(req);
          st.onDelta('Hello, ');
          st.onReset('failed a check');
          st.onDelta('Здравствуйте! ');
          await new Promise<void>((r) => (release = r));
          st.onDelta('Готов');
          return { letter: 'Здравствуйте! Готов.', problems: [], asks: ['кодовое слово «тигр»'] };
        },
        enqueueWithLetter: async (item, letter) => (
          sent.push({ letter }),
          { vacancyId: item.vacancy.id, state: 'pending' }
        ),
      }),
      settings(),
    );
    panel.start();
    await settle(); // the worker's score
    const box = part('textarea') as HTMLTextAreaElement;
    const queueLetter = part('[data-otk-queue-letter]') as HTMLButtonElement;
    expect(box.hidden).toBe(true);
    expect(queueLetter.disabled).toBe(true);
    trustedClick(part('[data-otk-write]')!);
    await settle();
    expect(box.hidden).toBe(false);
    expect(box.value).toBe('Здравствуйте! ');
    expect(part('[data-otk-write]')!.textContent).toBe('Stop');
    expect(queueLetter.disabled).toBe(true); // not while it is being written
    expect(requests[0]).toEqual({
      vacancy: {
        id: '42',
        title: 'Python-разработчик',
        employer: { name: 'ACME' },
        url: 'https://hh.ru/vacancy/42',
        score: 0.82,
      },
      description: '<p>React, Docker</p>',
      keySkills: ['JavaScript', 'PostgreSQL', 'Kubernetes'],
    });
    release();
    await settle();
    expect(box.value).toBe('Здравствуйте! Готов.');
    expect(part('.n')!.textContent).toContain('кодовое слово');
    box.value = 'Здравствуйте! Готов. Тигр.';
    box.dispatchEvent(new Event('input'));
    expect(queueLetter.disabled).toBe(false);
    trustedClick(queueLetter);
    await settle();
    expect(sent).toEqual([{ letter: 'Здравствуйте! Готов. Тигр.' }]);
    expect(queueLetter.textContent).toBe('Queued with letter');
    expect(queueLetter.disabled).toBe(true);
    expect(chip()!.querySelector('[data-otk-queue]')!.textContent).toBe('queued');
  });

  it('stop cancels the letter; hide this employer goes through the background once', async () => {
    document.body.innerHTML = '<main><h1 data-qa="vacancy-title">T</h1></main>';
    const hidden: unknown[] = [];
    let aborted = false;
    panel = new VacancyPanel(
      document,
      deps({
        read: () => ({ vacancy: { ...full, employer: { id: '9', name: 'ACME' } }, url: 'u', applied: false }),
        writeLetter: (_req, st) =>
          new Promise((_, reject) =>
            st.signal.addEventListener(
              'abort',
              () => ((aborted = true), reject(new DOMException('cancelled', 'AbortError'))),
            ),
          ),
        hideEmployer: async (e, vacancyId) => (hidden.push([e, vacancyId]), { added: true }),
      }),
      settings(),
    );
    panel.start();
    trustedClick(part('[data-otk-write]')!);
    await settle();
    trustedClick(part('[data-otk-write]')!);
    await settle();
    expect(aborted).toBe(true);
    expect(part('[data-otk-write]')!.textContent).toBe('Write a letter');
    expect(part('.n')!.textContent).toBe('');
    trustedClick(part('[data-otk-hide-employer]')!);
    await settle();
    // The worker labels that vacancy "not for me — employer" from its own read of it.
    expect(hidden).toEqual([[{ id: '9', name: 'ACME' }, full.id]]);
    expect(part('[data-otk-hide-employer]')!.textContent).toBe('Employer hidden');
    trustedClick(part('[data-otk-hide-employer]')!);
    await settle();
    expect(hidden).toHaveLength(1);
  });
  it("a page script's clicks write, queue and hide nothing, and the page sees no root", async () => {
    document.body.innerHTML = '<main><h1 data-qa="vacancy-title">T</h1></main>';
    const calls: string[] = [];
    panel = new VacancyPanel(
      document,
      deps({
        read: () => ({ vacancy: { ...full, employer: { id: '9', name: 'ACME' } }, url: 'u', applied: false }),
        queue: { enqueue: async () => (calls.push('enqueue'), []), states: async () => ({}) },
        writeLetter: async () => (calls.push('write'), { letter: 'x', problems: [], asks: [] }),
        enqueueWithLetter: async (item) => (
          calls.push('enqueueWithLetter'),
          { vacancyId: item.vacancy.id, state: 'pending' }
        ),
        hideEmployer: async () => (calls.push('hide'), { added: true }),
      }),
      settings(),
    );
    panel.start();
    const host = document.querySelector<HTMLElement>('[data-otk-vacancy-panel]')!;
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector<HTMLElement>('[data-otk-badge]')!.shadowRoot).toBeNull();
    (part('textarea') as HTMLTextAreaElement).hidden = false;
    (part('textarea') as HTMLTextAreaElement).value = 'by the page';
    for (const sel of ['[data-otk-write]', '[data-otk-queue-letter]', '[data-otk-hide-employer]']) {
      const b = part(sel) as HTMLButtonElement;
      b.disabled = false;
      b.click();
      b.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    }
    host.click();
    inRoot(document.querySelector('[data-otk-badge]'))!.querySelector<HTMLButtonElement>('[data-otk-queue]')!.click();
    await settle();
    expect(calls).toEqual([]);
    expect(document.documentElement.outerHTML).not.toContain('Your skills it asks for');
    trustedClick(part('[data-otk-hide-employer]')!);
    await settle();
    expect(calls).toEqual(['hide']);
  });
});
