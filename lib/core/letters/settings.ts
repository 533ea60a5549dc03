import * as z from 'zod/mini';
import { providerUrlProblem } from './provider-url';

/**
 * The `letters` section of the settings (non-secret only: keys live in ./keys.ts and never in settings, so an
 * export never carries them). Every field has a default, so settings stored before issue 5 keep parsing.
 */
export const LETTER_PROVIDERS = ['none', 'template', 'webllm', 'openai', 'gigachat'] as const;
export type LetterProviderKind = (typeof LETTER_PROVIDERS)[number];

/** https, or http only to loopback (./provider-url.ts); '' = not set. */
const providerUrl = z.string().check(
  z.trim(),
  z.maxLength(500),
  z.superRefine((s, ctx) => {
    const problem = s === '' ? null : providerUrlProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
  }),
);

export const lettersSchema = z.object({
  /**
   * Who writes letters. 'none' = no letters (applications go without one, as before issue 5); any other
   * choice makes every new job get a letter before it is sent.
   */
  provider: z._default(z.enum(LETTER_PROVIDERS), 'none'),
  /** review: each letter waits for the user to read/edit/approve; auto: a letter that passes every check is sent. */
  mode: z._default(z.enum(['review', 'auto']), 'review'),
  /** Where API keys are kept: session (memory, gone when the browser closes) or local (on disk, opt-in). Never sync. */
  keyStorage: z._default(z.enum(['session', 'local']), 'session'),
  openai: z._default(
    z.object({
      baseUrl: z._default(providerUrl, 'https://openrouter.ai/api/v1'),
      model: z._default(z.string().check(z.trim(), z.maxLength(200)), ''),
      /** Yandex Cloud's compatible endpoint wants `Api-Key`. */
      authScheme: z._default(z.enum(['Bearer', 'Api-Key']), 'Bearer'),
    }),
    () => ({ baseUrl: 'https://openrouter.ai/api/v1', model: '', authScheme: 'Bearer' as const }),
  ),
  gigachat: z._default(
    z.object({
      scope: z._default(z.enum(['GIGACHAT_API_PERS', 'GIGACHAT_API_B2B', 'GIGACHAT_API_CORP']), 'GIGACHAT_API_PERS'),
      model: z._default(z.string().check(z.trim(), z.maxLength(100)), 'GigaChat'),
    }),
    () => ({ scope: 'GIGACHAT_API_PERS' as const, model: 'GigaChat' }),
  ),
  webllm: z._default(
    z.object({
      /** A curated model id (./webllm-models.ts); '' = the default for this machine. */
      model: z._default(z.string().check(z.maxLength(200)), ''),
      /** Mirror of Hugging Face's layout (`<base>/<repo>/resolve/main/…`); '' = huggingface.co. */
      modelBaseUrl: z._default(providerUrl, ''),
      /** Free the GPU after this many idle minutes. */
      idleUnloadMinutes: z._default(z.int().check(z.gte(1), z.lte(120)), 10),
    }),
    () => ({ model: '', modelBaseUrl: '', idleUnloadMinutes: 10 }),
  ),
  /**
   * May a letter carry the user's own contacts (phone, e-mail, links, Telegram handle from the profile)? Off: the
   * model never sees them, and a letter that has them anyway fails its checks (so it waits for the user).
   */
  allowContacts: z._default(z.boolean(), false),
  /** May a letter name the user's salary expectations? Off: a letter that does fails its checks. */
  allowSalary: z._default(z.boolean(), false),
  /** Custom template ({title}, {company}, {skills}, {experience}); '' = the built-in one. */
  template: z._default(z.string().check(z.maxLength(3000)), ''),
});
export type LettersSettings = z.infer<typeof lettersSchema>;
