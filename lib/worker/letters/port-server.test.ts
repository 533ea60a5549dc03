import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import type { PortLike } from '../../hh-pages/letters/port-client';
import { serveOneRequest, type PortCall } from './port-server';

function fakePort() {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const posted: unknown[] = [];
  let disconnects = 0;
  const port: PortLike = {
    postMessage: (m) => void posted.push(m),
    disconnect: () => void disconnects++,
    onMessage: { addListener: (cb) => void onMessage.push(cb) },
    onDisconnect: { addListener: (cb) => void onDisconnect.push(cb) },
  };
  return {
    port,
    posted,
    disconnects: () => disconnects,
    send: (m: unknown) => onMessage.forEach((cb) => cb(m)),
    hangUp: () => onDisconnect.forEach((cb) => cb()),
  };
}

const schema = z.object({ n: z.number() });
type Ev = { type: 'done'; n: number } | { type: 'error'; message: string };

describe('serveOneRequest', () => {
  it('hands the first well-formed message to the handler and ignores later ones', () => {
    const p = fakePort();
    const got: number[] = [];
    serveOneRequest<{ n: number }, Ev>(p.port, schema, {
      malformed: 'bad',
      closeMalformed: true,
      handle: (req, c) => (got.push(req.n), c.post({ type: 'done', n: req.n }), c.close()),
    });
    p.send({ n: 1 });
    p.send({ n: 2 });
    expect(got).toEqual([1]);
    expect(p.posted).toEqual([{ type: 'done', n: 1 }]);
    expect(p.disconnects()).toBe(1);
  });

  it('answers a malformed request with an error, closing the port only when asked', () => {
    for (const closeMalformed of [true, false]) {
      const p = fakePort();
      let handled = false;
      serveOneRequest<{ n: number }, Ev>(p.port, schema, {
        malformed: 'malformed x',
        closeMalformed,
        handle: () => void (handled = true),
      });
      p.send({ n: 'one' });
      expect(handled).toBe(false);
      expect(p.posted).toEqual([{ type: 'error', message: 'malformed x' }]);
      expect(p.disconnects()).toBe(closeMalformed ? 1 : 0);
    }
  });

  it('a hang-up aborts the work, and nothing is posted or closed after it', () => {
    const p = fakePort();
    let call: PortCall<Ev> | null = null;
    serveOneRequest<{ n: number }, Ev>(p.port, schema, {
      malformed: 'bad',
      closeMalformed: true,
      handle: (_req, c) => void (call = c),
    });
    p.send({ n: 1 });
    expect(call!.signal.aborted).toBe(false);
    p.hangUp();
    expect(call!.signal.aborted).toBe(true);
    call!.post({ type: 'done', n: 1 });
    call!.close();
    expect(p.posted).toEqual([]);
    expect(p.disconnects()).toBe(0);
  });
});
