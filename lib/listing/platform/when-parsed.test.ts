import { describe, expect, it } from 'vitest';
import { whenParsed } from './when-parsed';

/** A document still being parsed (happy-dom's own is complete), with a way to finish it. */
function loadingDoc() {
  const doc = document.implementation.createHTMLDocument('');
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(doc, 'readyState', { get: () => state });
  return {
    doc,
    parse: () => {
      state = 'interactive';
      doc.dispatchEvent(new Event('DOMContentLoaded'));
    },
  };
}

describe('whenParsed', () => {
  it('runs at once on a parsed document', () => {
    let runs = 0;
    whenParsed(document, () => runs++, new AbortController().signal);
    expect(runs).toBe(1);
  });

  it('waits for DOMContentLoaded while the document is loading, and runs once', () => {
    const { doc, parse } = loadingDoc();
    let runs = 0;
    whenParsed(doc, () => runs++, new AbortController().signal);
    expect(runs).toBe(0);
    parse();
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(runs).toBe(1);
  });

  it('runs nothing once aborted, before or while waiting', () => {
    const { doc, parse } = loadingDoc();
    let runs = 0;
    const waiting = new AbortController();
    whenParsed(doc, () => runs++, waiting.signal);
    waiting.abort();
    const aborted = new AbortController();
    aborted.abort();
    whenParsed(document, () => runs++, aborted.signal);
    parse();
    expect(runs).toBe(0);
  });
});
