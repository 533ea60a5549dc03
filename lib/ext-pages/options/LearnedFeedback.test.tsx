import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useDomRoot } from '../../../test/dom-root';
import { LearnedFeedback } from './LearnedFeedback';

const sent = vi.hoisted(() => ({ calls: [] as string[], summary: {} as unknown }));
vi.mock('../../core/messaging', () => ({
  sendToBackground: async (type: string) => {
    sent.calls.push(type);
    if (type === 'resetFeedback') {
      sent.summary = { relevant: 0, notForMe: 0, bySource: {}, adjustments: [] };
      return { reset: true };
    }
    return sent.summary;
  },
}));

let root: HTMLElement;
useDomRoot((r) => (root = r));
const q = (id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

beforeEach(() => {
  sent.calls = [];
  sent.summary = {
    relevant: 3,
    notForMe: 1,
    bySource: { badge: 1, queued: 1, applied: 1, employer_hidden: 1 },
    adjustments: [{ kind: 'employer', value: 'Acme', weight: -1.2 }],
  };
});

describe('LearnedFeedback', () => {
  it('says which signals taught what, and a reset forgets them all', async () => {
    render(<LearnedFeedback lang="en" />, root);
    await vi.waitFor(() => expect(q('learned-sources')).not.toBeNull());
    expect(q('learned-sources')).toBe(
      'From: your marks — 1, queued from a card — 1, applications (a weak signal) — 1, hidden employers — 1',
    );
    expect(q('learned-list')).toMatch(/employer: Acme/);
    root.querySelector<HTMLButtonElement>('button')!.click();
    await vi.waitFor(() => expect(q('learned-sources')).toBeNull());
    expect(sent.calls).toEqual(['feedbackSummary', 'resetFeedback', 'feedbackSummary']);
    expect(q('learned-counts')).toMatch(/Nothing yet/);
  });

  it('lists only the signals that taught something', async () => {
    sent.summary = { relevant: 0, notForMe: 2, bySource: { badge: 2, applied: 0 }, adjustments: [] };
    render(<LearnedFeedback lang="ru" />, root);
    await vi.waitFor(() => expect(q('learned-sources')).toBe('Откуда: ваши отметки — 2'));
  });
});
