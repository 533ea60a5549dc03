import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBackground } from '../core/messaging/protocol';
import { composeHandlers, type WorkerFeature } from './feature';
import { workerFeatures } from './features';
import { createWorkerServices } from './services';

describe('worker feature registry', () => {
  it('every background message has exactly one handler among the features', () => {
    fakeBrowser.reset();
    const handlers = composeHandlers(workerFeatures, createWorkerServices(), Object.keys(toBackground));
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(toBackground).sort());
  });

  it('a message handled twice, or by none, stops the worker at start with its name', () => {
    const s = createWorkerServices();
    const twice: WorkerFeature[] = [
      ...workerFeatures,
      { name: 'extra', handlers: () => ({ ping: () => ({ version: '0', context: 'background' as const }) }) },
    ];
    expect(() => composeHandlers(twice, s, Object.keys(toBackground))).toThrow(
      '"ping" is handled by both platform and extra',
    );
    expect(() =>
      composeHandlers(
        workerFeatures.filter((f) => f.name !== 'pages'),
        s,
        Object.keys(toBackground),
      ),
    ).toThrow('no worker feature handles: loadPageFeatures');
  });
});
