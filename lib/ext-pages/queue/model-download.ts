import { useEffect, useMemo } from 'preact/hooks';
import { signal, type Signal } from '@preact/signals';
import { sendToBackground } from '../../core/messaging';

export type DownloadTask = { label: string; ratio: number } | null;

/**
 * The local letter model's download, for the popup's progress bar. Asked once when the popup opens (only with
 * the local-model provider chosen: the status call checks the GPU), then followed while a download runs.
 */
export function useModelDownload(active: boolean, label: (text: string) => string): Signal<DownloadTask> {
  const task = useMemo(() => signal<DownloadTask>(null), []);
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const d = await sendToBackground('providerStatus', {}).then(
        (s) => s.download,
        () => null,
      );
      if (stopped) return;
      task.value = d && !d.done && !d.error ? { label: label(d.text), ratio: d.fraction } : null;
      if (task.value) timer = setTimeout(() => void poll(), 1500);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active]);
  return task;
}
