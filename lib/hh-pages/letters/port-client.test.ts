import { describe, expect, it } from 'vitest';
import { generateLetter, type PortLike } from './port-client';

/** A fake background: answers the request with scripted events. */
function fakePort(script: (req: unknown, emit: (e: unknown) => void) => void) {
  const msg: Array<(m: unknown) => void> = [];
  const disc: Array<() => void> = [];
  const state = { disconnected: false, request: null as unknown };
  const port: PortLike = {
    postMessage: (m) => {
      state.request = m;
      queueMicrotask(() => script(m, (e) => !state.disconnected && msg.forEach((f) => f(e))));
    },
    disconnect: () => void (state.disconnected = true),
    onMessage: { addListener: (f) => void msg.push(f) },
    onDisconnect: { addListener: (f) => void disc.push(f) },
  };
  return { port, state, dropConnection: () => disc.forEach((f) => f()) };
}

const vacancy = { id: '1', title: 'Python', employer: null, url: 'https://hh.ru/vacancy/1' };

describe('letter port client', () => {
  it('streams deltas, honours reset, resolves with the final letter, asks and problems', async () => {
    const { port, state } = fakePort((_req, emit) => {
      emit({ type: 'progress', text: 'loading', fraction: 0.5 });
      emit({ type: 'delta', text: 'Черн' });
      emit({ type: 'reset', reason: 'too short' });
      emit({ type: 'delta', text: 'Здравствуйте!' });
      emit({
        type: 'done',
        letter: 'Здравствуйте!',
        problems: [],
        asks: ['Работодатель просит: «Жираф»'],
        provider: 'openai',
      });
    });
    let box = '';
    const progress: number[] = [];
    const r = await generateLetter(
      { vacancy, description: 'текст' },
      { onDelta: (t) => (box += t), onReset: () => (box = ''), onProgress: (_t, f) => progress.push(f ?? -1) },
      () => port,
    );
    expect(r).toEqual({
      letter: 'Здравствуйте!',
      problems: [],
      asks: ['Работодатель просит: «Жираф»'],
      provider: 'openai',
    });
    expect(box).toBe('Здравствуйте!');
    expect(progress).toEqual([0.5]);
    expect(state.request).toEqual({ vacancy, description: 'текст' });
    expect(state.disconnected).toBe(true);
  });

  it('error events reject with the message; a dropped connection rejects; abort disconnects (= cancel)', async () => {
    await expect(
      generateLetter({ vacancy }, {}, () => fakePort((_r, emit) => emit({ type: 'error', message: 'no key' })).port),
    ).rejects.toThrow('no key');
    const dropped = fakePort(() => undefined);
    const p = generateLetter({ vacancy }, {}, () => dropped.port);
    dropped.dropConnection();
    await expect(p).rejects.toThrow(/stopped/);
    const ctl = new AbortController();
    const slow = fakePort(() => undefined);
    const q = generateLetter({ vacancy }, { signal: ctl.signal }, () => slow.port);
    ctl.abort();
    await expect(q).rejects.toMatchObject({ name: 'AbortError' });
    expect(slow.state.disconnected).toBe(true);
  });

  it('bad requests and malformed events are refused', async () => {
    await expect(
      generateLetter({ vacancy: { ...vacancy, id: 'abc' } }, {}, () => fakePort(() => undefined).port),
    ).rejects.toThrow(/invalid letter request/);
    await expect(
      generateLetter({ vacancy }, {}, () => fakePort((_r, emit) => emit({ type: 'delta' })).port),
    ).rejects.toThrow(/malformed/);
  });
});
