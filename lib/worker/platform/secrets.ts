import { browser } from '#imports';
import { ensureScriptToken } from '../../core/platform/script-token';
import { migrateRememberedKeys } from '../../core/letters/keys';
import { getTelegramToken } from '../../core/notify/token';

/**
 * On every worker start: session storage stays closed to content scripts (Chrome's default, made explicit), and
 * what an older version left in storage.local (which content scripts share) moves to IndexedDB now.
 */
export function secureStorage(): void {
  void (browser.storage.session as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> } | undefined)
    ?.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    ?.catch(() => undefined);
  void Promise.all([migrateRememberedKeys(), getTelegramToken()]).catch(() =>
    console.warn('[otklik:background] moving stored secrets failed'),
  );
  void ensureScriptToken(browser.storage.local as Parameters<typeof ensureScriptToken>[0]).catch((e) =>
    console.warn('[otklik:background] script token', e),
  );
}
