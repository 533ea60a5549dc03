import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { LetterView } from '../../core/messaging/protocol';
import { useDomRoot } from '../../../test/dom-root';
import { LetterReview } from './LetterReview';

const view = (extra: Partial<LetterView> = {}): LetterView => ({
  jobId: 7,
  state: 'review',
  title: 'Python-разработчик',
  employer: 'ООО Ромашка',
  url: 'https://hh.ru/vacancy/7',
  letter: 'Здравствуйте! Черновик.',
  status: 'ready',
  problems: ['слишком короткое (24 симв., нужно от 200)'],
  asks: ['Работодатель просит: «Укажите кодовое слово «Жираф»»'],
  provider: 'openai',
  fallbackReason: null,
  error: null,
  reason: null,
  noDescription: false,
  ...extra,
});

/** A fake background: records the calls, answers from a script. */
function fakeSend(first: LetterView) {
  const calls: Array<[string, unknown]> = [];
  let current = first;
  const send = (async (type: string, payload: unknown) => {
    calls.push([type, payload]);
    if (type === 'getLetter') return current;
    if (type === 'updateLetter')
      return (current = { ...current, letter: (payload as { letter: string }).letter, problems: [], provider: 'user' });
    if (type === 'approveJob') return { ok: true, state: 'pending' };
    if (type === 'regenerateLetter') {
      current = { ...current, letter: null, status: 'writing' };
      return { ok: true, state: 'review' };
    }
    throw new Error(`unexpected ${type}`);
  }) as unknown as NonNullable<Parameters<typeof LetterReview>[0]['send']>;
  return { send, calls };
}

describe('LetterReview', () => {
  let root: HTMLElement;
  useDomRoot((r) => (root = r));
  const q = <T extends Element = HTMLElement>(sel: string) => root.querySelector(sel) as T | null;

  it('shows the draft, what the vacancy asks and what the checks found; edit, save and approve send the edited text', async () => {
    const { send, calls } = fakeSend(view());
    const closed = vi.fn();
    render(<LetterReview jobId={7} send={send} onClose={closed} />, root);
    await vi.waitFor(() =>
      expect(q<HTMLTextAreaElement>('[data-testid="letter-text"]')?.value).toBe('Здравствуйте! Черновик.'),
    );
    expect(q('[data-testid="letter-asks"]')?.textContent).toMatch(/Жираф/);
    expect(q('[data-testid="letter-problems"]')?.textContent).toMatch(/слишком короткое/);
    expect(q<HTMLButtonElement>('[data-testid="letter-save"]')!.disabled).toBe(true);

    const box = q<HTMLTextAreaElement>('[data-testid="letter-text"]')!;
    box.value = 'Здравствуйте! Моё письмо с кодовым словом Жираф.';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(q<HTMLButtonElement>('[data-testid="letter-save"]')!.disabled).toBe(false));
    q<HTMLButtonElement>('[data-testid="letter-save"]')!.click();
    await vi.waitFor(() => expect(calls.some(([t]) => t === 'updateLetter')).toBe(true));
    await vi.waitFor(() => expect(q('[data-testid="letter-problems"]')).toBeNull());

    q<HTMLButtonElement>('[data-testid="letter-approve"]')!.click();
    await vi.waitFor(() => expect(closed).toHaveBeenCalled());
    expect(calls.find(([t]) => t === 'approveJob')![1]).toEqual({
      jobId: 7,
      letter: 'Здравствуйте! Моё письмо с кодовым словом Жираф.',
    });
  });

  it('while the draft is being written the box and approve are disabled; a template fallback says why', async () => {
    const { send } = fakeSend(view({ status: 'writing', letter: null, problems: [], asks: [] }));
    render(<LetterReview jobId={7} send={send} />, root);
    await vi.waitFor(() => expect(q('[data-testid="letter-review"]')?.getAttribute('data-status')).toBe('writing'));
    expect(q<HTMLTextAreaElement>('[data-testid="letter-text"]')!.disabled).toBe(true);
    expect(q<HTMLButtonElement>('[data-testid="letter-approve"]')!.disabled).toBe(true);
    render(null, root);
    const fb = fakeSend(
      view({ provider: 'template', fallbackReason: 'OpenRouter rejected the API key (HTTP 401): check the key' }),
    );
    render(<LetterReview jobId={7} send={fb.send} />, root);
    await vi.waitFor(() => expect(q('[data-testid="letter-fallback"]')?.textContent).toMatch(/check the key/));
  });
});
