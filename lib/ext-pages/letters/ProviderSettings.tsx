import { useEffect, useMemo } from 'preact/hooks';
import { signal } from '@preact/signals';
import { browser } from '#imports';
import { uiLang } from '../../core/i18n/lang';
import { providerHosts } from '../../core/letters/hosts';
import { originChanged, providerUrlProblem } from '../../core/letters/provider-url';
import { LETTER_PROVIDERS, lettersSchema, type LettersSettings } from '../../core/letters/settings';
import { sendToBackground } from '../../core/messaging';
import type { ProviderStatus } from '../../core/messaging/protocol';
import { letterTexts } from './texts';
import './letters.css';

export interface ProviderSettingsProps {
  value: LettersSettings;
  /** Saves the section (the page owns the settings store); rejects with a message on invalid input. */
  onSave: (next: LettersSettings) => Promise<void>;
  send?: typeof sendToBackground;
  /** Injected in tests; defaults to browser.permissions.request. */
  requestHosts?: (origins: string[]) => Promise<boolean>;
}

const defaultRequest = (origins: string[]) => browser.permissions.request({ origins });

/** Known OpenAI-compatible endpoints: picking one fills the base URL and the key header. */
const PRESETS: Array<{ name: string; baseUrl: string; authScheme: 'Bearer' | 'Api-Key' }> = [
  { name: 'OpenRouter', baseUrl: 'https://openrouter.ai/api/v1', authScheme: 'Bearer' },
  { name: 'OpenAI', baseUrl: 'https://api.openai.com/v1', authScheme: 'Bearer' },
  { name: 'YandexGPT', baseUrl: 'https://llm.api.cloud.yandex.net/v1', authScheme: 'Api-Key' },
  { name: 'Gemini', baseUrl: 'https://generativelanguage.googleapis.com/v1beta/openai', authScheme: 'Bearer' },
  { name: 'Ollama', baseUrl: 'http://localhost:11434/v1', authScheme: 'Bearer' },
  { name: 'LM Studio', baseUrl: 'http://localhost:1234/v1', authScheme: 'Bearer' },
];

/**
 * Cover-letter provider settings: who writes (none/template/local/API/GigaChat), review or auto mode, the API
 * base URL/model/key with where the key is kept and "test connection" (asks for the optional host permission
 * of exactly that origin first, inside the click), and for the local model: WebGPU check, models with sizes
 * shown before download, download progress, mirror URL, idle unload.
 */
export function ProviderSettings({
  value,
  onSave,
  send = sendToBackground,
  requestHosts = defaultRequest,
}: ProviderSettingsProps) {
  const t = letterTexts[uiLang()];
  const s = useMemo(
    () => ({
      status: signal<ProviderStatus | null>(null),
      key: signal(''),
      test: signal<{ ok: boolean; text: string } | null>(null),
      busy: signal(false),
      /**
       * The settings write in flight: a key saved right after a URL change waits for it, since that write drops
       * the key of the old origin and must not land after the new key.
       */
      saving: { current: Promise.resolve() as Promise<unknown> },
      error: signal<string | null>(null),
      /** A refused provider or mirror URL (https, or http only to loopback), said under its field. */
      urlError: signal<{ field: 'baseUrl' | 'modelBaseUrl'; text: string } | null>(null),
      draft: signal<LettersSettings>(value),
    }),
    [],
  );
  useEffect(() => void (s.draft.value = value), [value]);
  const d = s.draft.value;

  const refresh = async (checkGpu = d.provider === 'webllm') => {
    try {
      s.status.value = await send('providerStatus', { checkGpu });
    } catch (e) {
      s.error.value = e instanceof Error ? e.message : String(e);
    }
  };
  useEffect(() => {
    void refresh();
  }, [d.provider]);
  useEffect(() => {
    // Poll while a model downloads.
    const timer = setInterval(() => {
      if (s.status.value?.download && !s.status.value.download.done) void refresh(true);
    }, 1000);
    return () => clearInterval(timer);
  }, []);

  const save = async (next: LettersSettings) => {
    // Provider URLs first, with their own message under the field: the key and the vacancy text go there.
    for (const [field, url] of [
      ['baseUrl', next.openai.baseUrl],
      ['modelBaseUrl', next.webllm.modelBaseUrl],
    ] as const) {
      if (url.trim() && providerUrlProblem(url)) {
        s.urlError.value = { field, text: t.urlInvalid(url.trim()) };
        return;
      }
    }
    s.urlError.value = null;
    const parsed = lettersSchema.safeParse(next);
    if (!parsed.success) {
      s.error.value = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      return;
    }
    const dropsKey = originChanged([d.openai.baseUrl], parsed.data.openai.baseUrl);
    s.draft.value = parsed.data;
    try {
      const write = s.saving.current.catch(() => undefined).then(() => onSave(parsed.data));
      s.saving.current = write;
      await write;
      s.error.value = null;
      // The store dropped the key of the old origin: show it gone.
      if (dropsKey) await refresh();
    } catch (e) {
      s.error.value = e instanceof Error ? e.message : String(e);
    }
  };
  const patch = (p: Partial<LettersSettings>) => void save({ ...d, ...p });

  const saveKey = async (provider: 'openai' | 'gigachat', key: string) => {
    await s.saving.current.catch(() => undefined);
    const r = await send('setApiKey', { provider, key, storage: d.keyStorage });
    s.key.value = '';
    await refresh();
    return r;
  };

  /** "Remember the key" changed: the setting and the keys already stored move together. */
  const moveKeys = async (storage: 'session' | 'local') => {
    await save({ ...d, keyStorage: storage });
    await send('moveApiKeys', { storage });
    await refresh();
  };

  const test = async () => {
    s.busy.value = true;
    s.test.value = null;
    try {
      // The permission prompt must come from the click itself: ask first, before any other await.
      const hosts = providerHosts(d);
      if (hosts.length && !(await requestHosts(hosts))) {
        s.test.value = { ok: false, text: t.permissionDenied };
        return;
      }
      await onSave(d);
      if (s.key.value.trim() && (d.provider === 'openai' || d.provider === 'gigachat'))
        await saveKey(d.provider, s.key.value);
      const r = await send('testProvider', {});
      s.test.value = r.ok
        ? { ok: true, text: t.testOk(r.sample ?? '') }
        : { ok: false, text: t.testFail(r.error ?? '') };
    } catch (e) {
      s.test.value = { ok: false, text: t.testFail(e instanceof Error ? e.message : String(e)) };
    } finally {
      s.busy.value = false;
    }
  };

  const st = s.status.value;
  const keyLine = (p: 'openai' | 'gigachat') => {
    const where = st?.key[p];
    const mask = p === 'openai' ? st?.key.openaiMask : st?.key.gigachatMask;
    return where ? t.keySaved(mask ?? '', t.keyWhere[where] ?? where) : t.keyNone;
  };
  const keyBox = (p: 'openai' | 'gigachat', label: string) => (
    <>
      <label class="otk-field">
        <span>{label}</span>
        <input
          type="password"
          autocomplete="off"
          data-testid="letters-key"
          value={s.key.value}
          onInput={(e) => (s.key.value = e.currentTarget.value)}
        />
      </label>
      <p class="otk-muted" data-testid="letters-key-state">
        {keyLine(p)}
      </p>
      <label class="otk-check">
        <input
          type="checkbox"
          checked={d.keyStorage === 'local'}
          onChange={(e) => void moveKeys(e.currentTarget.checked ? 'local' : 'session')}
        />
        <span>{t.remember}</span>
      </label>
      <p class="otk-muted">{t.keyHint}</p>
      <div class="otk-row">
        <button
          type="button"
          class="otk-btn otk-btn--sm"
          disabled={!s.key.value.trim()}
          onClick={() => void saveKey(p, s.key.value)}
        >
          {t.saveKey}
        </button>
        {st?.key[p] ? (
          <button type="button" class="otk-btn otk-btn--sm" onClick={() => void saveKey(p, '')}>
            {t.removeKey}
          </button>
        ) : null}
      </div>
    </>
  );

  return (
    <div class="otk-letters-settings" data-testid="letters-settings">
      <fieldset>
        <legend>{t.provider}</legend>
        {LETTER_PROVIDERS.map((k) => (
          <label class="otk-radio" key={k}>
            <input
              type="radio"
              name="letters-provider"
              value={k}
              data-testid={`letters-provider-${k}`}
              checked={d.provider === k}
              onChange={() => patch({ provider: k })}
            />
            <span>{t.kinds[k]}</span>
          </label>
        ))}
        <p class="otk-muted">{t.kindHint}</p>
      </fieldset>

      {d.provider !== 'none' ? (
        <fieldset>
          <legend>{t.mode}</legend>
          <label class="otk-radio">
            <input
              type="radio"
              name="letters-mode"
              checked={d.mode === 'review'}
              onChange={() => patch({ mode: 'review' })}
            />
            <span>{t.review}</span>
          </label>
          <label class="otk-radio">
            <input
              type="radio"
              name="letters-mode"
              data-testid="letters-mode-auto"
              checked={d.mode === 'auto'}
              onChange={() => patch({ mode: 'auto' })}
            />
            <span>{t.auto}</span>
          </label>
          <p class="otk-muted">{t.autoHint}</p>
          <label class="otk-check">
            <input
              type="checkbox"
              data-testid="letters-allow-contacts"
              checked={d.allowContacts}
              onChange={(e) => patch({ allowContacts: e.currentTarget.checked })}
            />
            <span>{t.allowContacts}</span>
          </label>
          <label class="otk-check">
            <input
              type="checkbox"
              data-testid="letters-allow-salary"
              checked={d.allowSalary}
              onChange={(e) => patch({ allowSalary: e.currentTarget.checked })}
            />
            <span>{t.allowSalary}</span>
          </label>
          <p class="otk-muted">{t.privacyHint}</p>
        </fieldset>
      ) : null}

      {d.provider === 'openai' ? (
        <fieldset>
          <div class="otk-row" role="group" aria-label={t.baseUrl}>
            {PRESETS.map((p) => (
              <button
                key={p.name}
                type="button"
                class={`otk-btn otk-btn--sm${d.openai.baseUrl === p.baseUrl ? ' otk-btn--primary' : ''}`}
                data-preset={p.name}
                onClick={() => patch({ openai: { ...d.openai, baseUrl: p.baseUrl, authScheme: p.authScheme } })}
              >
                {p.name}
              </button>
            ))}
          </div>
          <label class="otk-field">
            <span>{t.baseUrl}</span>
            <input
              type="url"
              data-testid="letters-base-url"
              value={d.openai.baseUrl}
              aria-invalid={s.urlError.value?.field === 'baseUrl'}
              aria-describedby="letters-base-url-msg"
              onChange={(e) => patch({ openai: { ...d.openai, baseUrl: e.currentTarget.value.trim() } })}
            />
          </label>
          {s.urlError.value?.field === 'baseUrl' ? (
            <p class="otk-error" role="alert" id="letters-base-url-msg" data-testid="letters-url-error">
              {s.urlError.value.text}
            </p>
          ) : null}
          <p class="otk-muted" id={s.urlError.value?.field === 'baseUrl' ? undefined : 'letters-base-url-msg'}>
            {t.baseUrlHint} {t.keyOrigin}
          </p>
          <label class="otk-field">
            <span>{t.model}</span>
            <input
              type="text"
              data-testid="letters-model"
              value={d.openai.model}
              placeholder="qwen/qwen3-32b, gpt-4o-mini, gpt://<folder>/yandexgpt/latest"
              onChange={(e) => patch({ openai: { ...d.openai, model: e.currentTarget.value.trim() } })}
            />
          </label>
          <label class="otk-field">
            <span>{t.authScheme}</span>
            <select
              value={d.openai.authScheme}
              onChange={(e) =>
                patch({
                  openai: { ...d.openai, authScheme: e.currentTarget.value === 'Api-Key' ? 'Api-Key' : 'Bearer' },
                })
              }
            >
              <option value="Bearer">Authorization: Bearer …</option>
              <option value="Api-Key">Authorization: Api-Key … (YandexGPT)</option>
            </select>
          </label>
          {keyBox('openai', t.key)}
        </fieldset>
      ) : null}

      {d.provider === 'gigachat' ? (
        <fieldset>
          {keyBox('gigachat', t.gigaKey)}
          <label class="otk-field">
            <span>{t.scope}</span>
            <select
              value={d.gigachat.scope}
              onChange={(e) =>
                patch({
                  gigachat: { ...d.gigachat, scope: e.currentTarget.value as LettersSettings['gigachat']['scope'] },
                })
              }
            >
              <option value="GIGACHAT_API_PERS">GIGACHAT_API_PERS</option>
              <option value="GIGACHAT_API_B2B">GIGACHAT_API_B2B</option>
              <option value="GIGACHAT_API_CORP">GIGACHAT_API_CORP</option>
            </select>
          </label>
          <label class="otk-field">
            <span>{t.model}</span>
            <input
              type="text"
              value={d.gigachat.model}
              onChange={(e) => patch({ gigachat: { ...d.gigachat, model: e.currentTarget.value.trim() } })}
            />
          </label>
        </fieldset>
      ) : null}

      {d.provider === 'webllm' ? (
        <fieldset data-testid="letters-webllm">
          <legend>{t.gpu}</legend>
          <p class="otk-muted">{t.privacyLocal}</p>
          {!st || (!st.capability && !st.capabilityError) ? (
            <p class="otk-muted">{t.gpuChecking}</p>
          ) : st.capabilityError ? (
            <p class="otk-error" data-testid="letters-gpu">
              {t.gpuNo(st.capabilityError)}
            </p>
          ) : st.capability?.webgpu ? (
            <p data-testid="letters-gpu">{t.gpuOk(st.capability.f16, st.capability.adapter ?? '')}</p>
          ) : (
            <p class="otk-error" data-testid="letters-gpu">
              {t.gpuNo(st.capability?.reason ?? '?')}
            </p>
          )}
          {st?.models.length ? (
            <div role="radiogroup" aria-label={t.models}>
              {st.models.map((m) => (
                <label class="otk-radio" key={m.key}>
                  <input
                    type="radio"
                    name="letters-model"
                    checked={(d.webllm.model || 'qwen3-1.7b') === m.key}
                    onChange={() => patch({ webllm: { ...d.webllm, model: m.key } })}
                  />
                  <span>
                    {m.label}{' '}
                    <span class="otk-muted">
                      — {m.id}; {t.size(m.downloadMB, m.vramMB)}
                      {m.cached ? `; ${t.cached}` : ''}
                      {m.fits ? '' : `; ${t.tooBig}`}
                    </span>
                  </span>
                </label>
              ))}
              {(() => {
                const m = st.models.find((x) => x.key === (d.webllm.model || 'qwen3-1.7b'));
                if (!m) return null;
                return !m.cached ? (
                  <button
                    type="button"
                    class="otk-btn otk-btn--sm"
                    data-testid="letters-download"
                    onClick={() => void send('downloadModel', { key: m.key }).then(() => refresh(true))}
                  >
                    {t.download(m.downloadMB)}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="otk-btn otk-btn--sm"
                    data-testid="letters-delete-model"
                    onClick={() => void send('deleteModel', { key: m.key }).then(() => refresh(true))}
                  >
                    {t.deleteModel(m.downloadMB)}
                  </button>
                );
              })()}
            </div>
          ) : null}
          {st?.download ? (
            <div data-testid="letters-download-progress">
              {st.download.error ? (
                <p class="otk-error">{t.downloadFailed(st.download.error)}</p>
              ) : (
                <>
                  <progress max={1} value={st.download.fraction} />{' '}
                  <span class="otk-muted">
                    {st.download.done
                      ? t.downloaded
                      : `${t.downloading}: ${Math.round(st.download.fraction * 100)}% — ${st.download.text}`}
                  </span>
                </>
              )}
            </div>
          ) : null}
          <label class="otk-field">
            <span>{t.mirror}</span>
            <input
              type="url"
              value={d.webllm.modelBaseUrl}
              placeholder="https://huggingface.co"
              aria-invalid={s.urlError.value?.field === 'modelBaseUrl'}
              onChange={(e) => patch({ webllm: { ...d.webllm, modelBaseUrl: e.currentTarget.value.trim() } })}
            />
          </label>
          {s.urlError.value?.field === 'modelBaseUrl' ? (
            <p class="otk-error" role="alert" data-testid="letters-url-error">
              {s.urlError.value.text}
            </p>
          ) : null}
          <p class="otk-muted">{t.mirrorHint}</p>
          <label class="otk-field">
            <span>{t.idle}</span>
            <input
              type="number"
              min={1}
              max={120}
              value={d.webllm.idleUnloadMinutes}
              onChange={(e) => patch({ webllm: { ...d.webllm, idleUnloadMinutes: Number(e.currentTarget.value) } })}
            />
          </label>
        </fieldset>
      ) : null}

      {d.provider !== 'none' ? (
        <fieldset>
          <label class="otk-field">
            <span>{t.template}</span>
            <textarea rows={3} value={d.template} onChange={(e) => patch({ template: e.currentTarget.value })} />
          </label>
          <p class="otk-muted">{t.templateHint}</p>
        </fieldset>
      ) : null}

      {/* The template needs no connection to test. */}
      {d.provider !== 'none' && d.provider !== 'template' ? (
        <div class="otk-row">
          <button
            type="button"
            class="otk-btn"
            data-testid="letters-test"
            disabled={s.busy.value}
            onClick={() => void test()}
          >
            {s.busy.value ? t.testing : t.test}
          </button>
        </div>
      ) : null}
      {s.test.value ? (
        <p class={s.test.value.ok ? '' : 'otk-error'} role="status" data-testid="letters-test-result">
          {s.test.value.text}
        </p>
      ) : null}
      {s.error.value ? (
        <p class="otk-error" role="alert">
          {s.error.value}
        </p>
      ) : null}
    </div>
  );
}
