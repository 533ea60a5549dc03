import { changedPaths } from '../../core/settings/patch';
import { getAt } from '../../core/settings/read';
import type { Settings } from '../../core/settings/schema';

/**
 * Why a change needs the user's attention before it is applied (an imported file is written by someone; it may
 * not be the user):
 *  - pacing: how fast and when Otklik applies or walks hh by itself (pauses, quiet hours, fast mode, intervals);
 *  - cap: how many it may send or fetch;
 *  - auto: something Otklik then does without asking (auto letters, auto queue, auto answers, discovery on);
 *  - provider: where vacancy text, the profile and the API key go (provider, its URL and model, key storage);
 *  - notify: where notifications go (Telegram);
 *  - guard: who is never applied to (the blacklist, the current employer).
 */
export type SettingsRisk = 'pacing' | 'cap' | 'auto' | 'provider' | 'notify' | 'guard';

export interface SettingsChange {
  /** Dotted path of the field; a list is one field. */
  path: string;
  before: unknown;
  after: unknown;
  risk?: SettingsRisk;
}

/** Risky fields by path; a rule ending in '.' covers every field under it. */
const RISKS: [string, SettingsRisk][] = [
  ['apply.pacing.', 'pacing'],
  ['apply.quietHours.', 'pacing'],
  ['apply.fast', 'pacing'],
  ['apply.dailyCap', 'cap'],
  ['apply.currentEmployer', 'guard'],
  ['profile.employerBlacklist', 'guard'],
  ['letters.mode', 'auto'],
  ['letters.provider', 'provider'],
  ['letters.keyStorage', 'provider'],
  ['letters.openai.', 'provider'],
  ['letters.gigachat.', 'provider'],
  ['letters.webllm.modelBaseUrl', 'provider'],
  ['discovery.enabled', 'auto'],
  ['discovery.mode', 'auto'],
  ['discovery.threshold', 'auto'],
  ['discovery.intervalMinutes', 'pacing'],
  ['discovery.pacing.', 'pacing'],
  ['discovery.maxPagesPerRound', 'cap'],
  ['discovery.maxFullTextPerRound', 'cap'],
  ['qa.autoAnswer', 'auto'],
  ['notify.telegram.', 'notify'],
];

export function settingsRisk(path: string): SettingsRisk | undefined {
  return RISKS.find(([rule]) => (rule.endsWith('.') ? path.startsWith(rule) : path === rule))?.[1];
}

/** What applying `next` over `current` would change, field by field (in schema order), risky ones marked. */
export function diffSettings(current: Settings, next: Settings): SettingsChange[] {
  return changedPaths(current, next).map((p) => {
    const path = p.join('.');
    const risk = settingsRisk(path);
    const change: SettingsChange = { path, before: getAt(current, p), after: getAt(next, p) };
    return risk ? { ...change, risk } : change;
  });
}
