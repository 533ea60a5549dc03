/**
 * The secret that names the content scripts' "a newer copy started" event (lean-script-context.ts). A page can
 * dispatch any event on its document, so an event name it can compute (extension id + script name, as WXT's)
 * would let a page script switch Otklik off. The name carries this per-install random token instead: it lives
 * in extension storage, which the page cannot read, and an event type cannot be enumerated by a listener.
 */
export const SCRIPT_TOKEN_KEY = 'scriptToken';

/** A token is 32 hex digits (128 random bits). */
export const isScriptToken = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v);

interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Worker, on every start: creates the token once (the content scripts only read it). */
export async function ensureScriptToken(area: LocalArea): Promise<string> {
  const got = (await area.get(SCRIPT_TOKEN_KEY))[SCRIPT_TOKEN_KEY];
  if (isScriptToken(got)) return got;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  await area.set({ [SCRIPT_TOKEN_KEY]: token });
  return token;
}

/** The event a new copy of `scriptName` dispatches on the document when it starts. */
export const startedEventType = (token: string, scriptName: string) => `otklik:${token}:${scriptName}:started`;
