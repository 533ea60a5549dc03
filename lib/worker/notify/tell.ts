import { browser } from '#imports';
import { notify, type Notice } from './notifier';
import { getTelegramToken } from '../../core/notify/token';
import { getSettings } from '../../core/settings/store';

/** The icon every Otklik notification shows. */
export const notificationIcon = (): string => browser.runtime.getURL('/icon/128.png');

/** Browser notification + Telegram, per the user's notify settings. */
export function tell(n: Notice): Promise<unknown> {
  return notify(
    {
      settings: getSettings,
      browserNotify: async (id, title, message) =>
        void (await browser.notifications.create(id, {
          type: 'basic',
          iconUrl: notificationIcon(),
          title,
          message,
          priority: 1,
        })),
      token: getTelegramToken,
      telegram: { fetch: (i, init) => fetch(i, init) },
      onError: (channel, m) => console.warn(`[otklik:notify] ${channel}: ${m}`),
    },
    n,
  );
}
