import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAutosave } from './autosave';

function Probe({ value, save }: { value: string | null; save: () => void }) {
  useAutosave(value, save, 50);
  return null;
}

describe('useAutosave', () => {
  const root = document.createElement('div');
  afterEach(() => render(null, root));

  it('never saves the loaded value back; saves a change once typing pauses, only the last one', async () => {
    const save = vi.fn();
    render(<Probe value={null} save={save} />, root);
    render(<Probe value="loaded" save={save} />, root);
    await new Promise((r) => setTimeout(r, 120));
    expect(save).not.toHaveBeenCalled();
    render(<Probe value="a" save={save} />, root);
    render(<Probe value="ab" save={save} />, root);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 120));
    expect(save).toHaveBeenCalledTimes(1);
  });
});
