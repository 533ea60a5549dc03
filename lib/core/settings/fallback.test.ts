import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_VERSION, defaultSettings, type Settings } from './schema';
import { SETTINGS_KEY, SETTINGS_META_KEY } from './version';

/*
 * One test per way a stored settings object can be wrong. In each: the bad field alone reads as its default and
 * is reported, the user's other settings are kept, reading writes nothing, and the worker's next write (a patch
 * of another field) leaves the bad value stored as it was.
 */

/** A user's settings, as a newer or older Otklik might have stored them. */
function stored(): Record<string, unknown> {
  const s = JSON.parse(JSON.stringify(defaultSettings())) as Settings & Record<string, unknown>;
  s.profile.desiredTitles = ['Python-разработчик'];
  s.profile.skills = ['Python', 'Django'];
  s.profile.minSalary = 150000;
  s.profile.employerBlacklist = [{ id: '42', name: 'Рога и копыта' }, { name: 'ООО Ромашка' }];
  s.apply.dailyCap = 20;
  s.apply.quietHours = { enabled: true, from: '22:00', to: '09:00' };
  return s;
}

/** Seeds storage (value and version mark) and loads a fresh store module, as a worker starting up would. */
async function boot(value: unknown, version = SETTINGS_VERSION) {
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: value, [SETTINGS_META_KEY]: { v: version } });
  vi.resetModules();
  return import('./store');
}

const raw = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>;

/** The user's settings other than the bad field survived. */
function expectKept(s: Settings) {
  expect(s.profile.desiredTitles).toEqual(['Python-разработчик']);
  expect(s.profile.skills).toEqual(['Python', 'Django']);
  expect(s.apply.quietHours).toEqual({ enabled: true, from: '22:00', to: '09:00' });
}

/** Reading wrote nothing; a worker's patch of another field keeps the stored object otherwise as it was. */
async function expectNoWriteBack(store: Awaited<ReturnType<typeof boot>>, before: unknown) {
  expect(await raw()).toEqual(before);
  await store.updateSettings((s) => ({ ...s, apply: { ...s.apply, defaultResumeHash: 'a'.repeat(32) } }));
  const after = await raw();
  expect((after['apply'] as Record<string, unknown>)['defaultResumeHash']).toBe('a'.repeat(32));
  const rest = structuredClone(after);
  (rest['apply'] as Record<string, unknown>)['defaultResumeHash'] = (
    before as { apply: { defaultResumeHash: unknown } }
  ).apply.defaultResumeHash;
  expect(rest).toEqual(before);
}

describe('a bad stored field never costs the rest', () => {
  it('wrong type: that field alone reads as its default', async () => {
    const value = { ...stored(), apply: { ...(stored()['apply'] as object), dailyCap: 'twenty' } };
    const store = await boot(value);
    const { settings, fallbacks } = await store.loadSettings();
    expect(settings.apply.dailyCap).toBe(50);
    expect(settings.profile.minSalary).toBe(150000);
    expectKept(settings);
    expect(fallbacks.map((f) => f.path)).toEqual(['apply.dailyCap']);
    expect(fallbacks[0]!.stored).toBe('twenty');
    await expectNoWriteBack(store, value);
  });

  it('unknown enum value (written by a newer version): that field alone falls back', async () => {
    const v = stored();
    (v['triage'] as Record<string, unknown>)['action'] = 'blur';
    (v['letters'] as Record<string, unknown>)['provider'] = 'claude-local';
    const store = await boot(v);
    const { settings, fallbacks } = await store.loadSettings();
    expect(settings.triage.action).toBe('hide');
    expect(settings.triage.showBadges).toBe(true);
    expect(settings.letters.provider).toBe('none');
    expectKept(settings);
    expect(fallbacks.map((f) => f.path)).toEqual(['letters.provider', 'triage.action']);
    await expectNoWriteBack(store, v);
  });

  it('newer version number: read as it is (not migrated, not reset), reported, kept on write', async () => {
    const v = { ...stored(), apply: { ...(stored()['apply'] as object), dailyCap: 300, pacingMode: 'human' } };
    const store = await boot(v, SETTINGS_VERSION + 2);
    const read = await store.loadSettings();
    expect(read.newerVersion).toBe(SETTINGS_VERSION + 2);
    expect(read.settings.apply.dailyCap).toBe(50);
    expect(read.fallbacks.map((f) => f.path)).toEqual(['apply.dailyCap']);
    expectKept(read.settings);
    await expectNoWriteBack(store, v);
    // The version mark stays: going back to the newer Otklik finds its own data.
    expect((await fakeBrowser.storage.local.get(SETTINGS_META_KEY))[SETTINGS_META_KEY]).toEqual({
      v: SETTINGS_VERSION + 2,
    });
  });

  it('missing field: its default, nothing reported, nothing written', async () => {
    const v = stored();
    delete (v['apply'] as Record<string, unknown>)['dailyCap'];
    delete v['letters'];
    const store = await boot(v);
    const { settings, fallbacks } = await store.loadSettings();
    expect(settings.apply.dailyCap).toBe(50);
    expect(settings.letters).toEqual(defaultSettings().letters);
    expectKept(settings);
    expect(fallbacks).toEqual([]);
    await expectNoWriteBack(store, v);
  });

  it('corrupt item of a nested list: only that item is left out', async () => {
    const v = stored();
    const profile = v['profile'] as Record<string, unknown>;
    profile['employerBlacklist'] = [{ id: '42', name: 'Рога и копыта' }, { id: 7 }, { name: 'ООО Ромашка' }];
    profile['skills'] = ['Python', 42, 'Django'];
    const store = await boot(v);
    const { settings, fallbacks } = await store.loadSettings();
    expect(settings.profile.employerBlacklist).toEqual([{ id: '42', name: 'Рога и копыта' }, { name: 'ООО Ромашка' }]);
    expect(settings.profile.skills).toEqual(['Python', 'Django']);
    expect(settings.profile.desiredTitles).toEqual(['Python-разработчик']);
    expect(fallbacks.map((f) => f.path)).toEqual(['profile.employerBlacklist.1', 'profile.skills.1']);
    await expectNoWriteBack(store, v);
    // The user accepts what is shown: the lists are written without the bad items, and nothing is reported.
    await store.acceptFallbacks();
    expect((await store.loadSettings()).fallbacks).toEqual([]);
    expect(((await raw())['profile'] as Record<string, unknown>)['skills']).toEqual(['Python', 'Django']);
  });

  it('an entirely non-object value: defaults, reported, left as stored until a write', async () => {
    for (const v of ['corrupt', 42, ['a'], true]) {
      const store = await boot(v);
      const { settings, fallbacks } = await store.loadSettings();
      expect(settings).toEqual(defaultSettings());
      expect(fallbacks).toHaveLength(1);
      expect(fallbacks[0]!.path).toBe('');
      expect(await raw()).toEqual(v);
    }
    // A patch then starts from an empty object: there was nothing of the user's to keep.
    const store = await boot('corrupt');
    await store.updateSettings((s) => ({ ...s, enabled: false }));
    expect(await raw()).toEqual({ enabled: false });
  });

  it('unknown extra keys: ignored on read, never deleted by a write', async () => {
    const v = { ...stored(), experiments: { rankV2: true }, apply: { ...(stored()['apply'] as object), burst: 3 } };
    const store = await boot(v);
    const { settings, fallbacks } = await store.loadSettings();
    expectKept(settings);
    expect(fallbacks).toEqual([]);
    expect('experiments' in settings).toBe(false);
    await expectNoWriteBack(store, v);
    // Even a full save (the options page) and a confirmed import keep them.
    await store.saveSettings({ ...settings, debug: true });
    await store.replaceSettings(defaultSettings());
    expect((await raw())['experiments']).toEqual({ rankV2: true });
    expect((await raw())['apply']).toMatchObject({ burst: 3, dailyCap: 50 });
  });

  it('a refinement that fails: the smallest part that satisfies it falls back', async () => {
    const v = stored();
    (v['apply'] as Record<string, unknown>)['pacing'] = { minSeconds: 600, maxSeconds: 20 };
    (v['triage'] as Record<string, unknown>)['hideBelow'] = 0.9;
    (v['triage'] as Record<string, unknown>)['dimBelow'] = 0.2;
    const store = await boot(v);
    const { settings, fallbacks } = await store.loadSettings();
    expect(settings.apply.pacing).toEqual({ minSeconds: 30, maxSeconds: 90 });
    expect(settings.triage.dimBelow).toBe(0.2);
    expect(settings.triage.hideBelow).toBe(null);
    expect(fallbacks.map((f) => f.path)).toEqual(['apply.pacing', 'triage.hideBelow']);
    expectKept(settings);
  });

  it('a write through the form of a field that fell back replaces it; the others stay as stored', async () => {
    const v = stored();
    (v['apply'] as Record<string, unknown>)['dailyCap'] = 'twenty';
    (v['triage'] as Record<string, unknown>)['action'] = 'blur';
    const store = await boot(v);
    const s = await store.getSettings();
    await store.saveSettings({ ...s, apply: { ...s.apply, dailyCap: 25 } });
    const after = await raw();
    expect((after['apply'] as Record<string, unknown>)['dailyCap']).toBe(25);
    expect((after['triage'] as Record<string, unknown>)['action']).toBe('blur');
    expect((await store.loadSettings()).fallbacks.map((f) => f.path)).toEqual(['triage.action']);
  });
});
