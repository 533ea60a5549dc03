import type { Settings } from '../../core/settings/schema';
import type { NotifyKind } from '../../core/notify/settings';
import { sendMessage, type TelegramDeps } from '../../core/notify/telegram';

/**
 * One place that tells the user something: a browser notification and/or a Telegram message, each only when
 * the user turned that kind on for that channel. A failing channel never stops the other; failures are
 * reported to `onError` without the token.
 */
export interface Notice {
  kind: NotifyKind;
  /** Notification id (same id replaces the previous one). */
  id: string;
  title: string;
  message: string;
  /** Opened on a click (browser) / appended as a link (Telegram). */
  url?: string;
}

export interface NotifierDeps {
  settings(): Promise<Settings>;
  browserNotify(id: string, title: string, message: string): Promise<void>;
  token(): Promise<string>;
  telegram: TelegramDeps;
  onError?(channel: 'browser' | 'telegram', message: string): void;
}

export interface NotifyResult {
  browser: boolean;
  telegram: boolean;
}

export async function notify(deps: NotifierDeps, n: Notice): Promise<NotifyResult> {
  const s = (await deps.settings()).notify;
  const out: NotifyResult = { browser: false, telegram: false };
  if (s.browser[n.kind]) {
    try {
      await deps.browserNotify(n.id, n.title, n.message);
      out.browser = true;
    } catch (e) {
      deps.onError?.('browser', e instanceof Error ? e.message : String(e));
    }
  }
  if (s.telegram.enabled && s.telegram.chatId && s.telegram.kinds[n.kind]) {
    const token = await deps.token();
    if (token) {
      try {
        await sendMessage(
          deps.telegram,
          token,
          s.telegram.chatId,
          `${n.title}\n${n.message}${n.url ? `\n${n.url}` : ''}`,
        );
        out.telegram = true;
      } catch (e) {
        deps.onError?.('telegram', e instanceof Error ? e.message : String(e));
      }
    } else deps.onError?.('telegram', 'no bot token saved');
  }
  return out;
}
