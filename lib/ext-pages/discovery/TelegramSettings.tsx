import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { uiLang } from '../../core/i18n/lang';
import { sendToBackground } from '../../core/messaging';
import { NOTIFY_KINDS, notifySchema, type NotifyKind, type NotifySettings } from '../../core/notify/settings';
import { TELEGRAM_API } from '../../core/notify/telegram';
import { hasTelegramToken, setTelegramToken } from '../../core/notify/token';
import { describeZodError } from '../../core/settings/schema';
import { getSettings, updateSettings } from '../../core/settings/store';
import { discoveryTexts } from './texts';
import { useAutosave } from '../options/autosave';

/**
 * Options section: which notices go to the browser and to Telegram; the bot token (a secret: its own storage,
 * never shown back, never exported) and chat id; "send test message" through the background.
 */
export function TelegramSettings() {
  const t = discoveryTexts[uiLang()];
  const st = useMemo(
    () => ({
      n: signal<NotifySettings | null>(null),
      token: signal(''),
      hasToken: signal(false),
      msg: signal<{ ok: boolean; text: string } | null>(null),
      busy: signal(false),
      permitted: signal(false),
    }),
    [],
  );
  useEffect(() => {
    void getSettings().then((s) => (st.n.value = s.notify));
    void hasTelegramToken().then((h) => (st.hasToken.value = h));
    void browser.permissions.contains({ origins: [`${TELEGRAM_API}/*`] }).then(
      (p) => (st.permitted.value = p),
      () => undefined,
    );
  }, []);
  // The choices are saved as the user goes (the options page's one save model); the bot token, a secret, only
  // with its own button.
  useAutosave(st.n.value, () => save());
  const n = st.n.value;
  if (!n) return null;
  const say = (ok: boolean, text: string) => (st.msg.value = { ok, text });

  const save = async (): Promise<boolean> => {
    const r = notifySchema.safeParse(n);
    if (!r.success) {
      say(false, describeZodError(r.error));
      return false;
    }
    // Asked first, before any await: the click's user gesture does not survive one. Chrome answers at once
    // when the permission is already granted.
    const permitted =
      r.data.telegram.enabled && !st.permitted.value
        ? browser.permissions.request({ origins: [`${TELEGRAM_API}/*`] }).catch(() => false)
        : Promise.resolve(true);
    try {
      if (st.token.value.trim()) {
        await setTelegramToken(st.token.value);
        st.token.value = '';
        st.hasToken.value = true;
      }
    } catch (e) {
      say(false, e instanceof Error ? e.message : String(e));
      return false;
    }
    if (!(await permitted)) {
      say(false, t.tgPermission);
      return false;
    }
    if (r.data.telegram.enabled) st.permitted.value = true;
    await updateSettings((s) => ({ ...s, notify: r.data }));
    say(true, t.saved);
    return true;
  };
  const test = async () => {
    st.busy.value = true;
    try {
      if (!(await save())) return;
      const r = await sendToBackground('telegramTest', {});
      say(r.ok, r.ok ? t.tgTestOk(r.bot ?? '') : t.failed(r.error ?? ''));
    } catch (e) {
      say(false, t.failed(e instanceof Error ? e.message : String(e)));
    } finally {
      st.busy.value = false;
    }
  };
  const kinds = (channel: 'browser' | 'telegram') => {
    const cur = channel === 'browser' ? n.browser : n.telegram.kinds;
    const put = (k: NotifyKind, v: boolean) => {
      st.n.value =
        channel === 'browser'
          ? { ...n, browser: { ...n.browser, [k]: v } }
          : { ...n, telegram: { ...n.telegram, kinds: { ...n.telegram.kinds, [k]: v } } };
    };
    return (
      <fieldset class="op__checks" style="border:0;padding:0;margin:0">
        <legend style="font-weight:600">{channel === 'browser' ? t.browserKinds : t.tgKinds}</legend>
        {NOTIFY_KINDS.map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              data-testid={`notify-${channel}-${k}`}
              checked={cur[k]}
              onChange={(e) => put(k, e.currentTarget.checked)}
            />{' '}
            {t.kinds[k]}
          </label>
        ))}
      </fieldset>
    );
  };
  return (
    <section class="op__sec" id="notifications" aria-labelledby="sec-notify" data-testid="notify-settings">
      <h2 id="sec-notify">{t.tgTitle}</h2>
      {kinds('browser')}
      <label class="op__checks">
        <input
          type="checkbox"
          data-testid="tg-enabled"
          checked={n.telegram.enabled}
          onChange={(e) => (st.n.value = { ...n, telegram: { ...n.telegram, enabled: e.currentTarget.checked } })}
        />{' '}
        {t.tgEnabled}
      </label>
      {n.telegram.enabled ? (
        <>
          <div class="op__grid">
            <label class="op__field">
              <span>
                {t.tgToken}
                {st.hasToken.value ? <small> · {t.tgTokenSaved}</small> : null}
              </span>
              <input
                type="password"
                autocomplete="off"
                data-testid="tg-token"
                placeholder={st.hasToken.value ? '••••••••' : '123456:ABC…'}
                value={st.token.value}
                onInput={(e) => (st.token.value = e.currentTarget.value)}
              />
              <small>{t.tgTokenHint}</small>
            </label>
            <label class="op__field">
              <span>{t.tgChat}</span>
              <input
                type="text"
                data-testid="tg-chat"
                value={n.telegram.chatId}
                onInput={(e) => (st.n.value = { ...n, telegram: { ...n.telegram, chatId: e.currentTarget.value } })}
              />
              <small>{t.tgChatHint}</small>
            </label>
          </div>
          {kinds('telegram')}
        </>
      ) : null}
      <div style="display:flex;gap:12px;align-items:center;flex-wrap:wrap">
        {st.token.value.trim() ? (
          <button type="button" class="otk-btn otk-btn--primary" data-testid="notify-save" onClick={() => void save()}>
            {t.tgSaveToken}
          </button>
        ) : null}
        {n.telegram.enabled ? (
          <button
            type="button"
            class="otk-btn"
            data-testid="tg-test"
            disabled={st.busy.value}
            onClick={() => void test()}
          >
            {t.tgTest}
          </button>
        ) : null}
        {st.hasToken.value ? (
          <button
            type="button"
            class="otk-btn"
            onClick={() => void setTelegramToken('').then(() => (st.hasToken.value = false))}
          >
            {t.tgRemove}
          </button>
        ) : null}
        {st.msg.value ? (
          <span class={st.msg.value.ok ? 'otk-ok' : 'otk-error'} role="status" data-testid="notify-msg">
            {st.msg.value.text}
          </span>
        ) : null}
      </div>
    </section>
  );
}
