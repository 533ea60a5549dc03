import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * Component tests: a fresh <div> in the document before each test, handed to `set`; after it, whatever was
 * rendered there is unmounted and the div removed.
 */
export function useDomRoot(set: (root: HTMLElement) => void): void {
  let root: HTMLElement | null = null;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
    set(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
  });
}
