import { describe, expect, it } from 'vitest';
import { diffSettings, settingsRisk } from './diff';
import { leafPaths } from '../../core/settings/patch';
import { defaultSettings, type Settings } from '../../core/settings/schema';

const current = (): Settings => {
  const s = defaultSettings();
  s.profile.skills = ['Python', 'Django'];
  s.profile.employerBlacklist = [{ id: '42', name: 'Рога и копыта' }];
  s.apply.dailyCap = 20;
  return s;
};

describe('settings diff (import review)', () => {
  it('the same settings: no change', () => {
    expect(diffSettings(current(), current())).toEqual([]);
  });

  it('the attack file of issue 16: every dangerous change is there and marked', () => {
    const next = current();
    next.apply.fast = true;
    next.apply.dailyCap = 200;
    next.letters.provider = 'openai';
    next.letters.mode = 'auto';
    next.letters.openai.baseUrl = 'https://attacker.example/v1';
    next.discovery.enabled = true;
    next.discovery.mode = 'auto';
    next.profile.employerBlacklist = [];
    next.notify.telegram.chatId = '@attacker_chan';
    const changes = diffSettings(current(), next);
    expect(changes).toEqual([
      { path: 'profile.employerBlacklist', before: [{ id: '42', name: 'Рога и копыта' }], after: [], risk: 'guard' },
      { path: 'apply.dailyCap', before: 20, after: 200, risk: 'cap' },
      { path: 'apply.fast', before: false, after: true, risk: 'pacing' },
      { path: 'letters.provider', before: 'none', after: 'openai', risk: 'provider' },
      { path: 'letters.mode', before: 'review', after: 'auto', risk: 'auto' },
      {
        path: 'letters.openai.baseUrl',
        before: 'https://openrouter.ai/api/v1',
        after: 'https://attacker.example/v1',
        risk: 'provider',
      },
      { path: 'discovery.enabled', before: false, after: true, risk: 'auto' },
      { path: 'discovery.mode', before: 'suggest', after: 'auto', risk: 'auto' },
      { path: 'notify.telegram.chatId', before: '', after: '@attacker_chan', risk: 'notify' },
    ]);
  });

  it('ordinary changes are listed unmarked; a list is one field', () => {
    const next = current();
    next.profile.skills = ['Python', 'FastAPI'];
    next.triage.action = 'dim';
    next.apply.pacing = { minSeconds: 60, maxSeconds: 120 };
    expect(diffSettings(current(), next)).toEqual([
      { path: 'profile.skills', before: ['Python', 'Django'], after: ['Python', 'FastAPI'] },
      { path: 'triage.action', before: 'hide', after: 'dim' },
      { path: 'apply.pacing.minSeconds', before: 30, after: 60, risk: 'pacing' },
      { path: 'apply.pacing.maxSeconds', before: 90, after: 120, risk: 'pacing' },
    ]);
  });

  it('every risk rule names a field that exists (a renamed field cannot silently lose its mark)', () => {
    const paths = leafPaths(defaultSettings()).map((p) => p.join('.'));
    const rules = [
      'apply.pacing.minSeconds',
      'apply.quietHours.enabled',
      'apply.fast',
      'apply.dailyCap',
      'apply.currentEmployer',
      'profile.employerBlacklist',
      'letters.mode',
      'letters.provider',
      'letters.keyStorage',
      'letters.openai.baseUrl',
      'letters.openai.model',
      'letters.gigachat.scope',
      'letters.webllm.modelBaseUrl',
      'discovery.enabled',
      'discovery.mode',
      'discovery.threshold',
      'discovery.intervalMinutes',
      'discovery.pacing.minSeconds',
      'discovery.maxPagesPerRound',
      'discovery.maxFullTextPerRound',
      'qa.autoAnswer',
      'notify.telegram.enabled',
      'notify.telegram.chatId',
    ];
    for (const r of rules) {
      expect(paths).toContain(r);
      expect(settingsRisk(r)).toBeDefined();
    }
    // And the harmless ones stay unmarked.
    for (const p of [
      'enabled',
      'profile.skills',
      'triage.action',
      'notify.browser.invitations',
      'letters.template',
      'qa.items',
      'debug',
    ])
      expect(settingsRisk(p)).toBeUndefined();
  });
});
