import { signal, type Signal } from '@preact/signals';
import { getSettings, watchSettings } from '../../core/settings/store';
import type { Settings } from '../../core/settings/schema';

/** Settings as a live signal for extension pages: loaded once, then follows storage from any context. */
export function settingsSignal(): { settings: Signal<Settings | null>; dispose: () => void } {
  const settings = signal<Settings | null>(null);
  void getSettings().then((s) => {
    if (settings.value === null) settings.value = s;
  });
  const dispose = watchSettings((s) => (settings.value = s));
  return { settings, dispose };
}
